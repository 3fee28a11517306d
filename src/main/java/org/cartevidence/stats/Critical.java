package org.cartevidence.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** Two-sided critical values: the one place that turns a confidence level into a quantile. */
final class Critical {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Critical() {
    }

    static double requireLevel(double level) {
        if (!(level > 0 && level < 1)) { // also rejects NaN
            throw new IllegalArgumentException("level must lie strictly between 0 and 1, got " + level);
        }
        return level;
    }

    /** Upper (1 - level) / 2 quantile of the standard normal; the survival form keeps precision in the tail. */
    static double normal(double level) {
        return STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
    }

    /** Upper (1 - level) / 2 quantile of Student's t with {@code df} degrees of freedom. */
    static double t(double level, int df) {
        return TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2);
    }
}
