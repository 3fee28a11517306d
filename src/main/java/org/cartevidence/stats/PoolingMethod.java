package org.cartevidence.stats;

/** How the cohorts' proportions are combined. */
public enum PoolingMethod {
    /**
     * The binomial-normal random-intercept logistic model (or, for {@link PoolingModel#FIXED}, the common-effect
     * logistic model) fitted by maximum likelihood: metafor {@code rma.glmm(measure = "PLO", method = "ML")},
     * lme4's {@code glmer} with 7-point adaptive Gauss-Hermite quadrature underneath. It uses each cohort's exact
     * binomial likelihood, so it needs no continuity correction for 0 or all events.
     */
    GLMM,
    /** Effect sizes on a transformed scale pooled with weights 1 / (vi + tau²): metafor {@code rma.uni}. */
    INVERSE_VARIANCE,
    /**
     * The pooled counts, sum of events over sum of patients, with the exact Clopper-Pearson interval: what a GLMM
     * answers where it cannot be estimated (one cohort; all cohorts at 0 or at all events; no convergence).
     * Never asked for; a result says it was used.
     */
    EXACT_BINOMIAL
}
