package org.cartevidence.stats;

/** How the pooled estimate's confidence and prediction intervals are formed. */
public enum CiMethod {
    /** Normal quantile with the inverse-variance standard error (metafor {@code test = "z"}). */
    WALD,
    /**
     * Hartung-Knapp(-Sidik-Jonkman): t with k - 1 df and the rescaled standard error (metafor
     * {@code test = "knha"}). Random effects only; falls back to {@link #WALD} for a single cohort.
     */
    HARTUNG_KNAPP
}
