package org.cartevidence.evidence;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How much evidence there is, in total and broken down by the dimensions clinicians filter on. */
@Schema(name = "EvidenceSummary")
public record EvidenceSummary(
        @Schema(description = "Whether cohorts superseded by a later report of the same patients were counted.")
        boolean includeSuperseded,
        @Schema(examples = "24") long studies,
        @Schema(examples = "25") long cohorts,
        @Schema(description = "Sum of enrolled over the counted cohorts.", examples = "160") long patients,
        List<Count> byDisease,
        List<Count> byTarget,
        List<Count> byCellSource,
        List<Count> byPhase,
        List<Count> byCountry,
        List<Count> byPublicationYear) {

    /** The counts for one value of a dimension ("unknown" where the value is not recorded). */
    @Schema(name = "SummaryCount")
    public record Count(
            @Schema(examples = "SLE") String value,
            @Schema(examples = "12") long studies,
            @Schema(examples = "13") long cohorts,
            @Schema(examples = "70") long patients) {
    }
}
