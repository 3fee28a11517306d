package org.cartevidence.outcome;

import jakarta.annotation.Nullable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outcome as the API answers it. */
@Schema(name = "Outcome", description = "One measured result of one cohort.")
public record OutcomeView(
        @Schema(readOnly = true, examples = "307") Long id,
        @Schema(readOnly = true, description = "The cohort the outcome belongs to.", examples = "204") Long cohortId,
        Measure measure,
        @Schema(examples = "DORIS remission (drug-free)") @Nullable String definition,
        @Schema(examples = "8") int events,
        @Schema(examples = "8") int total,
        @Schema(examples = "3") @Nullable Double timepointMonths,
        @Nullable Double mean,
        @Nullable Double sd,
        @Nullable Double median,
        @Nullable String unit,
        @Nullable String notes,
        @Nullable String source,
        @Schema(readOnly = true, examples = "0") long version,
        @Schema(readOnly = true, examples = "2025-01-31T10:15:30.123Z") Instant createdAt,
        @Schema(readOnly = true, examples = "2025-01-31T10:15:30.123Z") Instant updatedAt) {

    public static OutcomeView of(Outcome o) {
        return new OutcomeView(o.id, o.cohort.id, o.measure, o.definition, o.events, o.total, o.timepointMonths, o.mean,
                o.sd, o.median, o.unit, o.notes, o.source, o.version, o.createdAt, o.updatedAt);
    }
}
