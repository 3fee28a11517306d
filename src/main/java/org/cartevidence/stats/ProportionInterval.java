package org.cartevidence.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/** Confidence interval for a single binomial proportion, as R computes it. */
public enum ProportionInterval {

    /** Wilson score interval, R's {@code prop.test(x, n, correct = FALSE)$conf.int}. */
    WILSON {
        @Override
        Interval compute(int events, int total, double level) {
            double z = Critical.normal(level);
            double p = (double) events / total;
            double z22n = z * z / (2.0 * total);
            double centre = p + z22n;
            double halfWidth = z * Math.sqrt(p * (1 - p) / total + z22n / (2.0 * total));
            double scale = 1 + 2 * z22n;
            // R pins the bound at 0 or 1 for 0 or n events, where the formula only rounds to it.
            return new Interval(events == 0 ? 0 : (centre - halfWidth) / scale,
                    events == total ? 1 : (centre + halfWidth) / scale);
        }
    },

    /** Clopper-Pearson exact interval from beta quantiles, R's {@code binom.test(x, n)$conf.int}. */
    CLOPPER_PEARSON {
        @Override
        Interval compute(int events, int total, double level) {
            double tail = (1 - level) / 2;
            double lower = events == 0 ? 0
                    : BetaDistribution.of(events, total - events + 1.0).inverseCumulativeProbability(tail);
            double upper = events == total ? 1
                    : BetaDistribution.of(events + 1.0, total - events).inverseSurvivalProbability(tail);
            return new Interval(lower, upper);
        }
    };

    /**
     * The interval for {@code cohort.events()} of {@code cohort.total()} at the given confidence level.
     *
     * @param level confidence level in (0, 1), e.g. 0.95
     * @throws IllegalArgumentException if the level is outside (0, 1)
     */
    public Interval of(EventCount cohort, double level) {
        return compute(cohort.events(), cohort.total(), Critical.requireLevel(level));
    }

    abstract Interval compute(int events, int total, double level);
}
