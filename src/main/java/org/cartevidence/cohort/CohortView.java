package org.cartevidence.cohort;

import jakarta.annotation.Nullable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cohort as the API answers it. */
@Schema(name = "Cohort", description = "The patients of one study who share a disease (and a dose or arm).")
public record CohortView(
        @Schema(readOnly = true, examples = "204") Long id,
        @Schema(readOnly = true, description = "The study the cohort belongs to.", examples = "101") Long studyId,
        @Schema(examples = "SLE") String label,
        Disease disease,
        @Schema(examples = "8") int enrolled,
        @Schema(examples = "6") @Nullable Integer female,
        @Schema(examples = "22") @Nullable Double medianAge,
        @Nullable String dose,
        @Nullable Double doseCellsPerKg,
        @Nullable String lymphodepletion,
        @Schema(examples = "15") @Nullable Double medianFollowUpMonths,
        @Schema(description = "Id of the cohort that reports the same patients later.") @Nullable Long supersededBy,
        @Nullable String notes,
        @Schema(readOnly = true, examples = "0") long version,
        @Schema(readOnly = true, examples = "2025-01-31T10:15:30.123Z") Instant createdAt,
        @Schema(readOnly = true, examples = "2025-01-31T10:15:30.123Z") Instant updatedAt) {

    public static CohortView of(Cohort c) {
        return new CohortView(c.id, c.study.id, c.label, c.disease, c.enrolled, c.female, c.medianAge, c.dose,
                c.doseCellsPerKg, c.lymphodepletion, c.medianFollowUpMonths, c.supersededById(), c.notes, c.version,
                c.createdAt, c.updatedAt);
    }
}
