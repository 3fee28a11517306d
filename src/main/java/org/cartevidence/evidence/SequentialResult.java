package org.cartevidence.evidence;

import jakarta.annotation.Nullable;
import java.util.List;
import org.cartevidence.api.AnswerCache;
import org.cartevidence.outcome.Measure;
import org.cartevidence.stats.PooledEstimate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A cumulative or leave-one-out analysis per group: the cohorts pooled again at every step, with the options that
 * produced them echoed back as in the pooled estimates.
 */
@Schema(name = "SequentialAnalysis")
public record SequentialResult(
        @Schema(description = "cumulative: step i pools the first i cohorts by publication year, then study key "
                + "(metafor cumul()); leave-one-out: step i pools every cohort but the i-th (metafor leave1out()).",
                examples = "cumulative", enumeration = {"cumulative", "leave-one-out"}) String analysis,
        @Schema(examples = "REMISSION") Measure measure,
        @Schema(description = "The grouping field, or none.", examples = "none", enumeration = {"none", "disease",
                "target", "cellSource", "geneEditing", "phase", "sourceType"}) String groupBy,
        @Schema(examples = "glmm", enumeration = {"glmm", "inverse-variance"}) String method,
        @Schema(examples = "random", enumeration = {"random", "fixed"}) String model,
        @Schema(description = "τ² estimator: ML for the GLMM; absent for the fixed model.", examples = "ML",
                enumeration = {"ML", "DL", "REML", "PM"}) @Nullable String tau2Estimator,
        @Schema(examples = "logit", enumeration = {"logit", "arcsine", "raw"}) String transform,
        @Schema(examples = "wald", enumeration = {"wald", "t", "hartung-knapp", "adhoc"}) String ci,
        @Schema(examples = "0.95") double level,
        @Schema(examples = "false") boolean includeSuperseded,
        @Schema(description = "The time point asked for; absent when each cohort's latest outcome was used.")
        @Nullable Double timepointMonths,
        @Schema(description = "One per group, by group name; empty when no cohort matches.") List<Group> groups)
        implements AnswerCache.Weighed {

    /** Which sensitivity analysis. */
    enum Kind {
        CUMULATIVE("cumulative"), LEAVE_ONE_OUT("leave-one-out");

        final String parameterValue;

        Kind(String parameterValue) {
            this.parameterValue = parameterValue;
        }
    }

    /** One group's steps. */
    @Schema(name = "SequentialGroup")
    public record Group(
            @Schema(description = "The group's value of the groupBy field, 'unknown' where not recorded, or 'all'.",
                    examples = "all") String group,
            @Schema(description = "The group as a reader names it.", examples = "All cohorts") String label,
            @Schema(description = "Why the group has no steps (leave-one-out of a single cohort); absent otherwise.")
            @Nullable String note,
            @Schema(description = "In the order the cohorts were added (cumulative) or left out (leave-one-out).")
            List<Step> steps) {
    }

    /** One step: the cohort added (or left out), and the cohorts pooled with it (or without it). */
    @Schema(name = "SequentialStep")
    public record Step(
            @Schema(description = "The cohort this step added (cumulative) or left out (leave-one-out).",
                    examples = "112") long cohortId,
            @Schema(examples = "108") long studyId,
            @Schema(examples = "feng-2025-nat-med") String studyKey,
            @Schema(examples = "Co-infusion of CD19-targeting and BCMA-targeting CAR-T cells for "
                    + "treatment-refractory systemic lupus erythematosus: a phase 1 trial") String studyTitle,
            @Schema(description = "The cohort's label.", examples = "SLE") String cohortLabel,
            @Schema(examples = "2025") @Nullable Integer publicationYear,
            @Schema(description = "The cohort's own events.", examples = "12") int events,
            @Schema(description = "The cohort's own patients.", examples = "15") int total,
            @Schema(description = "Cohorts pooled at this step.", examples = "5") int k,
            @Schema(description = "The method this step used (exact-binomial where the GLMM cannot be estimated).",
                    examples = "glmm", enumeration = {"glmm", "inverse-variance", "exact-binomial"}) String method,
            @Schema(description = "Why the step departs from what was asked; absent otherwise.") @Nullable String note,
            @Schema(description = "Pooled proportion.", examples = "0.8235") double estimate,
            @Schema(examples = "0.4781") double ciLower,
            @Schema(examples = "0.9601") double ciUpper,
            @Schema(description = "Prediction interval; absent for exact-binomial.", examples = "0.2012")
            @Nullable Double piLower,
            @Schema(examples = "0.9937") @Nullable Double piUpper,
            @Schema(examples = "1.5392") @Nullable Double tau2,
            @Schema(description = "I² in percent.", examples = "55.9") @Nullable Double i2,
            @Schema(description = "The heterogeneity test of the pooled estimates (Cochran's Q, or the GLMM's "
                    + "Wald-type test).", examples = "3.58") @Nullable Double q,
            @Schema(examples = "0.465") @Nullable Double qPValue) {

        static Step of(PooledRow cohort, PooledEstimate pooled) {
            return new Step(cohort.cohortId(), cohort.studyId(), cohort.studyKey(), cohort.studyTitle(),
                    cohort.label(), cohort.publicationYear(), cohort.events(), cohort.total(), pooled.k(),
                    EvidenceQuery.METHOD_USED.nameOf(pooled.method()), pooled.note(), pooled.estimate(),
                    pooled.ciLower(), pooled.ciUpper(), pooled.piLower(), pooled.piUpper(), pooled.tau2(),
                    pooled.i2(), pooled.q(), pooled.qPValue());
        }
    }

    @Override
    public int weight() {
        return groups.stream().mapToInt(g -> g.steps().size()).sum();
    }
}
