package org.cartevidence.stats;

/**
 * One cohort as it entered a pooled estimate.
 *
 * @param events     patients with the outcome
 * @param total      patients in the cohort
 * @param proportion events / total, uncorrected
 * @param ciLower    lower bound of the cohort's own interval ({@link PoolingSettings#cohortInterval()})
 * @param ciUpper    upper bound of that interval
 * @param yi         effect size on the pooling scale (metafor {@code escalc})
 * @param vi         its sampling variance
 * @param weight     share of the pooled estimate in percent (metafor {@code weights()}); all add up to 100
 */
public record CohortEstimate(int events, int total, double proportion, double ciLower, double ciUpper,
                             double yi, double vi, double weight) {
}
