package org.cartevidence.stats;

import java.util.Objects;

/**
 * How a group of cohorts is pooled.
 *
 * @param transform      scale on which proportions are pooled by inverse variance; {@link PoolingMethod#GLMM}
 *                       models the logit and takes only {@link Transform#LOGIT}
 * @param model          fixed or random effects
 * @param tau2Estimator  between-cohort variance estimator of inverse-variance pooling; ignored by
 *                       {@link PoolingModel#FIXED} and by {@link PoolingMethod#GLMM}, which estimates tau² by ML
 * @param ciMethod       interval method of the pooled estimate
 * @param cohortInterval interval method shown for each cohort's own proportion
 * @param level          confidence level of every interval, in (0, 1)
 * @param method         GLMM or inverse variance
 */
public record PoolingSettings(Transform transform, PoolingModel model, Tau2Estimator tau2Estimator,
                              CiMethod ciMethod, ProportionInterval cohortInterval, double level,
                              PoolingMethod method) {

    /** The service's defaults: random-effects GLMM (ML), Wald intervals, Wilson for each cohort, 95 %. */
    public static final PoolingSettings DEFAULTS = new PoolingSettings(Transform.LOGIT, PoolingModel.RANDOM,
            Tau2Estimator.REML, CiMethod.WALD, ProportionInterval.WILSON, 0.95, PoolingMethod.GLMM);

    /** The defaults of inverse-variance pooling: logit, random effects, REML, Hartung-Knapp, Wilson, 95 %. */
    public static final PoolingSettings INVERSE_VARIANCE_DEFAULTS = new PoolingSettings(Transform.LOGIT,
            PoolingModel.RANDOM, Tau2Estimator.REML, CiMethod.HARTUNG_KNAPP, ProportionInterval.WILSON, 0.95);

    /**
     * @throws IllegalArgumentException if the level is outside (0, 1); if a fixed-effect model or a GLMM is
     *                                  combined with Hartung-Knapp or its ad hoc form, which only rescale an
     *                                  inverse-variance random-effects variance; if a GLMM is asked on another
     *                                  scale than the logit; or if the method is {@link PoolingMethod#EXACT_BINOMIAL}
     */
    public PoolingSettings {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tau2Estimator, "tau2Estimator");
        Objects.requireNonNull(ciMethod, "ciMethod");
        Objects.requireNonNull(cohortInterval, "cohortInterval");
        Objects.requireNonNull(method, "method");
        Critical.requireLevel(level);
        boolean rescaled = ciMethod == CiMethod.HARTUNG_KNAPP || ciMethod == CiMethod.ADHOC;
        if (model == PoolingModel.FIXED && rescaled) {
            throw new IllegalArgumentException("Hartung-Knapp intervals need the random-effects model");
        }
        if (method == PoolingMethod.GLMM && rescaled) {
            throw new IllegalArgumentException("Hartung-Knapp intervals are for inverse-variance pooling");
        }
        if (method == PoolingMethod.GLMM && transform != Transform.LOGIT) {
            throw new IllegalArgumentException("the GLMM models the logit; other scales are for inverse variance");
        }
        if (method == PoolingMethod.EXACT_BINOMIAL) {
            throw new IllegalArgumentException("exact-binomial is a fallback of the GLMM, not a method to ask for");
        }
    }

    /** Inverse-variance pooling with these options. */
    public PoolingSettings(Transform transform, PoolingModel model, Tau2Estimator tau2Estimator, CiMethod ciMethod,
                           ProportionInterval cohortInterval, double level) {
        this(transform, model, tau2Estimator, ciMethod, cohortInterval, level, PoolingMethod.INVERSE_VARIANCE);
    }
}
