package org.cartevidence.outcome;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a client sends to create or replace an outcome. The cohort comes from the URL on creation and never
 * changes; the server-managed fields of {@link OutcomeView} are accepted and ignored.
 */
@Schema(name = "OutcomeInput", description = "An outcome as a client writes it.")
@JsonIgnoreProperties({"id", "cohortId", "version", "createdAt", "updatedAt"})
public record OutcomeInput(
        @Schema(required = true) @NotNull
        Measure measure,

        @Schema(description = "The criterion, as the source words it.", examples = "DORIS remission (drug-free)")
        @Size(max = 500)
        String definition,

        @Schema(required = true, description = "Patients with the event (0..total).", examples = "8")
        @NotNull @Min(0) @Max(MAX_PATIENTS)
        Integer events,

        @Schema(required = true, description = "Patients evaluated (1..the cohort's enrolled).", examples = "8")
        @NotNull @Min(1) @Max(MAX_PATIENTS)
        Integer total,

        @Schema(description = "When it was measured, in months after infusion.", examples = "3")
        @DecimalMin("0") @DecimalMax("600")
        Double timepointMonths,

        @Schema(description = "Mean of a continuous measure (e.g. SLEDAI-2K change).", examples = "-10.5")
        @DecimalMin("-1e9") @DecimalMax("1e9")
        Double mean,

        @Schema(description = "Standard deviation of a continuous measure.", examples = "3.2")
        @DecimalMin("0") @DecimalMax("1e9")
        Double sd,

        @Schema(description = "Median of a continuous measure.") @DecimalMin("-1e9") @DecimalMax("1e9")
        Double median,

        @Schema(examples = "SLEDAI-2K points") @Size(max = 50)
        String unit,

        @Size(max = 4000)
        String notes,

        @Schema(description = "Where in the source (page, table).", examples = "abstract") @Size(max = 500)
        String source) {

    static final int MAX_PATIENTS = 1_000_000;

    public static OutcomeInput of(Outcome o) {
        return new OutcomeInput(o.measure, o.definition, o.events, o.total, o.timepointMonths, o.mean, o.sd, o.median,
                o.unit, o.notes, o.source);
    }
}
