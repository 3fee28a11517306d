package org.cartevidence.cohort;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a client sends to create or replace a cohort. The study comes from the URL on creation and never changes;
 * the server-managed fields of {@link CohortView} are accepted and ignored.
 */
@Schema(name = "CohortInput", description = "A cohort as a client writes it.")
@JsonIgnoreProperties({"id", "studyId", "version", "createdAt", "updatedAt"})
public record CohortInput(
        @Schema(required = true, description = "Unique within the study.", examples = "SLE", maxLength = 200)
        @NotBlank @Size(max = 200)
        String label,

        @Schema(required = true) @NotNull
        Disease disease,

        @Schema(required = true, description = "Patients in the cohort (at least 1).", examples = "8")
        @NotNull @Min(1) @Max(MAX_PATIENTS)
        Integer enrolled,

        @Schema(description = "Women among them (at most enrolled).", examples = "6")
        @Min(0) @Max(MAX_PATIENTS)
        Integer female,

        @Schema(examples = "22") @DecimalMin("0") @DecimalMax("120")
        Double medianAge,

        @Schema(examples = "1x10^6 CAR T cells/kg") @Size(max = 500)
        String dose,

        @Schema(examples = "1000000") @Positive @DecimalMax("1e12")
        Double doseCellsPerKg,

        @Schema(examples = "fludarabine + cyclophosphamide") @Size(max = 500)
        String lymphodepletion,

        @Schema(examples = "15") @DecimalMin("0") @DecimalMax("600")
        Double medianFollowUpMonths,

        @Schema(description = "Id of a cohort that reports the same patients later; pooling then leaves this one out.",
                examples = "204")
        @Positive
        Long supersededBy,

        @Size(max = 4000)
        String notes) {

    static final int MAX_PATIENTS = 1_000_000;

    /** The same cohort with another later report (or none). */
    public CohortInput withSupersededBy(Long laterReport) {
        return new CohortInput(label, disease, enrolled, female, medianAge, dose, doseCellsPerKg, lymphodepletion,
                medianFollowUpMonths, laterReport, notes);
    }

    public static CohortInput of(Cohort c) {
        return new CohortInput(c.label, c.disease, c.enrolled, c.female, c.medianAge, c.dose, c.doseCellsPerKg,
                c.lymphodepletion, c.medianFollowUpMonths, c.supersededById(), c.notes);
    }
}
