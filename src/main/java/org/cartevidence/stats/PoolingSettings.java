package org.cartevidence.stats;

import java.util.Objects;

/**
 * How a group of cohorts is pooled.
 *
 * @param transform      scale on which proportions are pooled
 * @param model          fixed or random effects
 * @param tau2Estimator  between-cohort variance estimator; ignored by {@link PoolingModel#FIXED}
 * @param ciMethod       interval method of the pooled estimate
 * @param cohortInterval interval method shown for each cohort's own proportion
 * @param level          confidence level of every interval, in (0, 1)
 */
public record PoolingSettings(Transform transform, PoolingModel model, Tau2Estimator tau2Estimator,
                              CiMethod ciMethod, ProportionInterval cohortInterval, double level) {

    /** The service's defaults: logit, random effects, REML, Hartung-Knapp, Wilson, 95 %. */
    public static final PoolingSettings DEFAULTS = new PoolingSettings(Transform.LOGIT, PoolingModel.RANDOM,
            Tau2Estimator.REML, CiMethod.HARTUNG_KNAPP, ProportionInterval.WILSON, 0.95);

    /**
     * @throws IllegalArgumentException if the level is outside (0, 1) or a fixed-effect model is combined with
     *                                  Hartung-Knapp, which only rescales a random-effects variance
     */
    public PoolingSettings {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tau2Estimator, "tau2Estimator");
        Objects.requireNonNull(ciMethod, "ciMethod");
        Objects.requireNonNull(cohortInterval, "cohortInterval");
        Critical.requireLevel(level);
        if (model == PoolingModel.FIXED && ciMethod == CiMethod.HARTUNG_KNAPP) {
            throw new IllegalArgumentException("Hartung-Knapp intervals need the random-effects model");
        }
    }
}
