package org.cartevidence.stats;

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
}
