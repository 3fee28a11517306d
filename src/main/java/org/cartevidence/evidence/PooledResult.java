package org.cartevidence.evidence;

import jakarta.annotation.Nullable;
import java.util.List;
import org.cartevidence.api.AnswerCache;
import org.cartevidence.api.Labels;
import org.cartevidence.cohort.Disease;
import org.cartevidence.outcome.Measure;
import org.cartevidence.stats.CohortEstimate;
import org.cartevidence.stats.PooledEstimate;
import org.cartevidence.stats.PoolingMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Pooled proportions per group, with the options that produced them echoed back. */
@Schema(name = "PooledEstimates")
public record PooledResult(
        @Schema(examples = "REMISSION") Measure measure,
        @Schema(description = "The grouping field, or none.", examples = "none", enumeration = {"none", "disease",
                "target", "cellSource", "geneEditing", "phase", "sourceType"}) String groupBy,
        @Schema(description = "The method asked for; each group says which it used.", examples = "glmm",
                enumeration = {"glmm", "inverse-variance"}) String method,
        @Schema(examples = "random", enumeration = {"random", "fixed"}) String model,
        @Schema(description = "τ² estimator: ML for the GLMM; absent for the fixed model.", examples = "ML",
                enumeration = {"ML", "DL", "REML", "PM"}) @Nullable String tau2Estimator,
        @Schema(examples = "logit", enumeration = {"logit", "arcsine", "raw"}) String transform,
        @Schema(examples = "wald", enumeration = {"wald", "t", "hartung-knapp", "adhoc"}) String ci,
        @Schema(examples = "0.95") double level,
        @Schema(examples = "wilson", enumeration = {"wilson", "exact"}) String cohortCi,
        @Schema(examples = "false") boolean includeSuperseded,
        @Schema(description = "The time point asked for; absent when each cohort's latest outcome was used.")
        @Nullable Double timepointMonths,
        @Schema(description = "One per group, by group name; empty when no cohort matches.") List<Group> groups,
        @Schema(description = "Whether the groups differ: present when there are two groups or more.")
        @Nullable SubgroupDifferences subgroupDifferences)
        implements AnswerCache.Weighed {

    /** One group's meta-analysis. Intervals are on the proportion scale. */
    @Schema(name = "PooledGroup")
    public record Group(
            @Schema(description = "The group's value of the groupBy field, 'unknown' where not recorded, or 'all'.",
                    examples = "all") String group,
            @Schema(description = "The group as a reader names it.", examples = "All cohorts") String label,
            @Schema(description = "The method used: the one asked for, or exact-binomial (the pooled counts with the "
                    + "exact Clopper-Pearson interval) where the GLMM cannot be estimated; the note says why.",
                    examples = "glmm", enumeration = {"glmm", "inverse-variance", "exact-binomial"}) String method,
            @Schema(description = "Why the answer departs from what was asked; absent otherwise.",
                    examples = "A single cohort: its own proportion with the exact (Clopper-Pearson) interval; "
                            + "pooling needs at least two.") @Nullable String note,
            @Schema(description = "Number of cohorts.", examples = "9") int k,
            @Schema(examples = "46") int events,
            @Schema(examples = "54") int total,
            @Schema(description = "Pooled proportion.", examples = "0.8897") double estimate,
            @Schema(examples = "0.6452") double ciLower,
            @Schema(examples = "0.9728") double ciUpper,
            @Schema(description = "Prediction interval for a new cohort (equals the CI for the fixed model); absent "
                    + "for exact-binomial.", examples = "0.3362") @Nullable Double piLower,
            @Schema(examples = "0.9923") @Nullable Double piUpper,
            @Schema(description = "The pooled estimate on the model's scale (the logit for the GLMM); absent for "
                    + "exact-binomial.", examples = "2.0879") @Nullable Double mu,
            @Schema(description = "Its standard error (rescaled for hartung-knapp and adhoc).", examples = "0.7602")
            @Nullable Double se,
            @Schema(description = "Between-cohort variance on the model's scale (0 for the fixed model); absent for "
                    + "exact-binomial.", examples = "1.4171") @Nullable Double tau2,
            @Schema(description = "I² in percent.", examples = "50.2") @Nullable Double i2,
            @Schema(examples = "2.009") @Nullable Double h2,
            @Schema(description = "Test for heterogeneity: Cochran's Q for inverse variance; for the GLMM the "
                    + "Wald-type test of one logit per cohort against the model (rma.glmm's QE.Wld).",
                    examples = "5.5719") @Nullable Double q,
            @Schema(description = "p-value of q on k - 1 degrees of freedom.", examples = "0.6951")
            @Nullable Double qPValue,
            @Schema(description = "GLMM only: the likelihood-ratio test of the same hypothesis (rma.glmm's QE.LRT).",
                    examples = "14.2438") @Nullable Double qLrt,
            @Schema(description = "p-value of qLrt on k - 1 degrees of freedom.", examples = "0.0756")
            @Nullable Double qLrtPValue,
            @Schema(description = "The pooled cohorts by study publication year, study key and cohort label; absent "
                    + "with cohorts=false.")
            @Nullable List<CohortResult> cohorts) {

        static Group of(String group, String label, PooledEstimate pooled, List<CohortResult> cohorts) {
            boolean exact = pooled.method() == PoolingMethod.EXACT_BINOMIAL;
            return new Group(group, label, EvidenceQuery.METHOD_USED.nameOf(pooled.method()), pooled.note(), pooled.k(),
                    pooled.events(), pooled.total(), pooled.estimate(), pooled.ciLower(), pooled.ciUpper(),
                    pooled.piLower(), pooled.piUpper(), exact ? null : pooled.mu(), exact ? null : pooled.se(),
                    pooled.tau2(), pooled.i2(), pooled.h2(), pooled.q(), pooled.qPValue(), pooled.qLrt(),
                    pooled.qLrtPValue(), cohorts);
        }
    }

    @Override
    public int weight() {
        return groups.stream().mapToInt(g -> g.cohorts() == null ? 1 : g.cohorts().size()).sum();
    }

    /** One cohort's own proportion and its share of the pooled estimate. */
    @Schema(name = "PooledCohort")
    public record CohortResult(
            @Schema(examples = "112") long cohortId,
            @Schema(examples = "108") long studyId,
            @Schema(examples = "feng-2025-nat-med") String studyKey,
            @Schema(examples = "Co-infusion of CD19-targeting and BCMA-targeting CAR-T cells for treatment-refractory "
                    + "systemic lupus erythematosus: a phase 1 trial") String studyTitle,
            @Schema(examples = "SLE") String label,
            @Schema(examples = "SLE") Disease disease,
            @Schema(examples = "Systemic lupus erythematosus") String diseaseLabel,
            @Schema(description = "The outcome that was pooled.", examples = "131") long outcomeId,
            @Schema(examples = "2.8") @Nullable Double timepointMonths,
            @Schema(examples = "12") int events,
            @Schema(examples = "15") int total,
            @Schema(examples = "0.8") double proportion,
            @Schema(description = "The cohort's own interval (cohortCi).", examples = "0.5481") double ciLower,
            @Schema(examples = "0.9295") double ciUpper,
            @Schema(description = "Share of the pooled estimate in percent; a group's add up to 100. For the GLMM, "
                    + "which has no weights of its own, the inverse-variance share at the model's τ²; for exact-binomial "
                    + "the cohort's share of the patients.", examples = "18.2") double weight) {

        static CohortResult of(PooledRow row, CohortEstimate estimate) {
            return new CohortResult(row.cohortId(), row.studyId(), row.studyKey(), row.studyTitle(), row.label(),
                    row.disease(), Labels.of(row.disease()), row.outcomeId(), row.timepointMonths(), estimate.events(),
                    estimate.total(),
                    estimate.proportion(), estimate.ciLower(), estimate.ciUpper(), estimate.weight());
        }
    }
}
