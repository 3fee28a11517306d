package org.cartevidence.stats;

import java.util.List;

/**
 * Result of pooling one group of cohorts, agreeing with R's metafor ({@code rma}, {@code rma.glmm},
 * {@code predict}, {@code weights}). Fields a method does not give are null.
 *
 * @param k          number of cohorts
 * @param events     sum of events
 * @param total      sum of patients
 * @param estimate   pooled proportion (back-transformed)
 * @param ciLower    lower confidence bound of the pooled proportion
 * @param ciUpper    upper confidence bound
 * @param piLower    lower prediction bound (equal to the CI for the fixed-effect model); null for exact-binomial
 * @param piUpper    upper prediction bound
 * @param mu         pooled effect on the transformed scale (the logit for a GLMM); NaN for exact-binomial
 * @param se         its standard error, rescaled where Hartung-Knapp or its ad hoc form is used; NaN for
 *                   exact-binomial
 * @param tau2       between-cohort variance on the transformed scale (0 for the fixed-effect model); null for
 *                   exact-binomial
 * @param q          Cochran's Q (fixed-effect weights, whatever the model) for inverse variance, the Wald-type test
 *                   of the saturated against the common-effect logistic model ({@code QE.Wld}) for a GLMM; null
 *                   for exact-binomial
 * @param qPValue    p-value of Q against chi-squared with k - 1 df (1 for k = 1)
 * @param qLrt       GLMM only: the likelihood-ratio test of the same hypothesis ({@code QE.LRT}), else null
 * @param qLrtPValue its p-value on k - 1 df
 * @param i2         I² in percent, as metafor prints it for the model; null for exact-binomial
 * @param h2         H², as metafor prints it for the model; null for exact-binomial
 * @param cohorts    the cohorts in input order
 * @param settings   the settings asked for
 * @param method     the method used: the one asked for, or {@link PoolingMethod#EXACT_BINOMIAL} where a GLMM
 *                   cannot be estimated
 * @param note       why the answer departs from what was asked, or null
 */
public record PooledEstimate(int k, int events, int total,
                             double estimate, double ciLower, double ciUpper, Double piLower, Double piUpper,
                             double mu, double se, Double tau2,
                             Double q, Double qPValue, Double qLrt, Double qLrtPValue, Double i2, Double h2,
                             List<CohortEstimate> cohorts, PoolingSettings settings, PoolingMethod method,
                             String note) {

    public PooledEstimate {
        cohorts = List.copyOf(cohorts);
    }
}
