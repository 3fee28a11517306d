package org.cartevidence.evidence;

import java.util.List;
import org.cartevidence.api.AnswerCache;
import org.cartevidence.cohort.Disease;
import org.cartevidence.outcome.Measure;
import org.cartevidence.stats.CohortEstimate;
import org.cartevidence.stats.PooledEstimate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Pooled proportions per group, with the options that produced them echoed back. */
@Schema(name = "PooledEstimates")
public record PooledResult(
        @Schema(examples = "REMISSION") Measure measure,
        @Schema(description = "The grouping field, or none.", examples = "none") String groupBy,
        @Schema(examples = "random", enumeration = {"random", "fixed"}) String model,
        @Schema(description = "τ² estimator; absent for the fixed model.", examples = "REML",
                enumeration = {"DL", "REML", "PM"}) String tau2Estimator,
        @Schema(examples = "logit", enumeration = {"logit", "arcsine", "raw"}) String transform,
        @Schema(examples = "hartung-knapp", enumeration = {"wald", "hartung-knapp"}) String ci,
        @Schema(examples = "0.95") double level,
        @Schema(examples = "wilson", enumeration = {"wilson", "exact"}) String cohortCi,
        @Schema(examples = "false") boolean includeSuperseded,
        @Schema(description = "The time point asked for; absent when each cohort's latest outcome was used.")
        Double timepointMonths,
        @Schema(description = "One per group, by group name; empty when no cohort matches.") List<Group> groups)
        implements AnswerCache.Weighed {

    /** One group's meta-analysis. Intervals are on the proportion scale. */
    @Schema(name = "PooledGroup")
    public record Group(
            @Schema(description = "The group's value of the groupBy field, 'unknown' where not recorded, or 'all'.",
                    examples = "all") String group,
            @Schema(description = "Number of cohorts.", examples = "9") int k,
            @Schema(examples = "46") int events,
            @Schema(examples = "54") int total,
            @Schema(description = "Pooled proportion.", examples = "0.8025") double estimate,
            @Schema(examples = "0.6357") double ciLower,
            @Schema(examples = "0.9044") double ciUpper,
            @Schema(description = "Prediction interval for a new cohort (equals the CI for the fixed model).",
                    examples = "0.6357") double piLower,
            @Schema(examples = "0.9044") double piUpper,
            @Schema(description = "Between-cohort variance on the transformed scale (0 for the fixed model).",
                    examples = "0") double tau2,
            @Schema(description = "I² in percent.", examples = "0") double i2,
            @Schema(examples = "1") double h2,
            @Schema(description = "Cochran's Q.", examples = "7.4622") double q,
            @Schema(description = "p-value of Q on k - 1 degrees of freedom.", examples = "0.4877") double qPValue,
            @Schema(description = "The pooled cohorts by study publication year, study key and cohort label; absent "
                    + "with cohorts=false.")
            List<CohortResult> cohorts) {

        static Group of(String group, PooledEstimate pooled, List<CohortResult> cohorts) {
            return new Group(group, pooled.k(), pooled.events(), pooled.total(), pooled.estimate(), pooled.ciLower(),
                    pooled.ciUpper(), pooled.piLower(), pooled.piUpper(), pooled.tau2(), pooled.i2(), pooled.h2(),
                    pooled.q(), pooled.qPValue(), cohorts);
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
            @Schema(description = "The outcome that was pooled.", examples = "131") long outcomeId,
            @Schema(examples = "2.8") Double timepointMonths,
            @Schema(examples = "12") int events,
            @Schema(examples = "15") int total,
            @Schema(examples = "0.8") double proportion,
            @Schema(description = "The cohort's own interval (cohortCi).", examples = "0.5481") double ciLower,
            @Schema(examples = "0.9295") double ciUpper,
            @Schema(description = "Share of the pooled estimate in percent; a group's add up to 100.",
                    examples = "27.1") double weight) {

        static CohortResult of(PooledRow row, CohortEstimate estimate) {
            return new CohortResult(row.cohortId(), row.studyId(), row.studyKey(), row.studyTitle(), row.label(),
                    row.disease(), row.outcomeId(), row.timepointMonths(), estimate.events(), estimate.total(),
                    estimate.proportion(), estimate.ciLower(), estimate.ciUpper(), estimate.weight());
        }
    }
}
