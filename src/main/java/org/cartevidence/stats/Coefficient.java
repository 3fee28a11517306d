package org.cartevidence.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * One coefficient of a meta-regression, with its test and confidence interval as metafor's {@code rma} gives them.
 *
 * @param name      the design column's name
 * @param estimate  the estimate on the transformed scale
 * @param se        its standard error (rescaled for Hartung-Knapp and its ad hoc form)
 * @param statistic estimate / se: z for the Wald test, t otherwise (±infinity where se is 0)
 * @param pValue    two-sided p-value against the normal, or against t on k - p df
 * @param ciLower   lower confidence bound, estimate - critical value × se
 * @param ciUpper   upper confidence bound
 */
public record Coefficient(String name, double estimate, double se, double statistic, double pValue, double ciLower,
                          double ciUpper) {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /**
     * The coefficient with its Wald test (z, {@code df} null) or t test on {@code df} degrees of freedom, and its
     * interval at the given level.
     */
    static Coefficient tested(String name, double estimate, double se, Integer df, double level) {
        double statistic = estimate / se;
        double tail = df == null ? STANDARD_NORMAL.survivalProbability(Math.abs(statistic))
                : TDistribution.of(df).survivalProbability(Math.abs(statistic));
        double crit = df == null ? Critical.normal(level) : Critical.t(level, df);
        return new Coefficient(name, estimate, se, statistic, 2 * tail, estimate - crit * se, estimate + crit * se);
    }
}
