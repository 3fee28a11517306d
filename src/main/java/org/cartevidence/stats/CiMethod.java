package org.cartevidence.stats;

/** How the pooled estimate's confidence and prediction intervals are formed. */
public enum CiMethod {
    /** Normal quantile with the model's standard error (metafor {@code test = "z"}). */
    WALD,
    /**
     * Hartung-Knapp(-Sidik-Jonkman): t with k - p df and the rescaled standard error (metafor
     * {@code test = "knha"}). Inverse variance, random effects only; falls back to {@link #WALD} for a single cohort.
     * Where the cohorts agree exactly (weighted residual sum of squares 0), metafor's interval has zero width; there
     * {@link #ADHOC} is used instead and the result carries a note saying so.
     */
    HARTUNG_KNAPP,
    /**
     * Hartung-Knapp with the ad hoc correction: the rescaling factor is never below 1, so the interval is never
     * narrower than the Wald one (metafor {@code test = "adhoc"}). Inverse variance, random effects only; falls
     * back to {@link #WALD} for a single cohort.
     */
    ADHOC,
    /**
     * Student's t quantile with k - p df and the model's standard error (metafor {@code test = "t"}); falls back to
     * {@link #WALD} for a single cohort.
     */
    T
}
