package org.cartevidence.study;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.cartevidence.api.Blank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a client sends to create or replace a study. The server-managed fields of {@link StudyView} ({@code id},
 * {@code version}, timestamps) are accepted and ignored, so that a GET body can be sent back as a PUT.
 */
@Schema(name = "StudyInput", description = "A study as a client writes it.")
@JsonIgnoreProperties({"id", "version", "createdAt", "updatedAt"})
public record StudyInput(
        @Schema(required = true, description = "Stable unique slug.", examples = "mueller-2024-nejm", maxLength = 80)
        @NotBlank @Size(max = 80) @Pattern(regexp = KEY, message = "must be lowercase letters and digits separated by single hyphens")
        String key,

        @Schema(required = true, examples = "CD19 CAR T-cell therapy in autoimmune disease - a case series with follow-up")
        @NotBlank @Size(max = 500)
        String title,

        @Schema(description = "Full citation.", examples = "Mueller F, et al. N Engl J Med 2024;390(8):687-700.")
        @Size(max = 1000)
        String citation,

        @Schema(description = "Trial registry ids: ClinicalTrials.gov (NCT + 8 digits) or ChiCTR. Not unique across studies.",
                examples = "[\"NCT05859997\"]")
        @Size(max = 20)
        List<@NotBlank @Pattern(regexp = REGISTRY_ID, message = "must be NCT followed by 8 digits or a ChiCTR id") String> registryIds,

        @Schema(examples = "10.1056/NEJMoa2308917")
        @Size(max = 255) @Pattern(regexp = DOI, message = "must be a DOI such as 10.1056/NEJMoa2308917")
        String doi,

        @Schema(description = "PubMed id.", examples = "38381673")
        @Pattern(regexp = "^[1-9][0-9]{0,9}$", message = "must be a PubMed id (digits)")
        String pmid,

        @Schema(examples = "2024") @Min(YEAR_MIN) @Max(YEAR_MAX)
        Integer publicationYear,

        @Schema(examples = "2021") @Min(YEAR_MIN) @Max(YEAR_MAX)
        Integer startYear,

        @Schema(required = true) @NotNull
        Phase phase,

        @Schema(required = true) @NotNull
        StudyStatus status,

        @Schema(examples = "[\"Germany\"]")
        @Size(max = 30)
        List<@NotBlank @Size(max = 100) String> countries,

        @Schema(examples = "Friedrich-Alexander-Universität Erlangen-Nürnberg") @Size(max = 300)
        String sponsor,

        @Schema(examples = "Universitätsklinikum Erlangen") @Size(max = 300)
        String institution,

        @Schema(required = true) @NotNull
        Target target,

        @Schema(required = true) @NotNull
        CellSource cellSource,

        GeneEditing geneEditing,

        VectorType vector,

        @Schema(required = true) @NotNull
        SourceType sourceType,

        @Schema(description = "Where the numbers come from and how far they were checked.") @Size(max = 4000)
        String sourceNote) {

    static final String KEY = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String REGISTRY_ID = "^(NCT[0-9]{8}|ChiCTR[0-9A-Za-z-]{4,30})$";
    /** A DOI: its suffix without white space or control characters, as {@link Blank} defines them. */
    static final String DOI = "^10\\.[0-9]{4,9}/" + Blank.VISIBLE + "+$";
    public static final int YEAR_MIN = 1990;
    public static final int YEAR_MAX = 2100;

    /** The same study with absent lists as empty ones: how it reads back once stored. */
    public StudyInput normalized() {
        return registryIds != null && countries != null ? this : new StudyInput(key, title, citation,
                registryIds == null ? List.of() : registryIds, doi, pmid, publicationYear, startYear, phase, status,
                countries == null ? List.of() : countries, sponsor, institution, target, cellSource, geneEditing, vector,
                sourceType, sourceNote);
    }

    public static StudyInput of(Study s) {
        return new StudyInput(s.key, s.title, s.citation, List.copyOf(s.registryIds), s.doi, s.pmid, s.publicationYear,
                s.startYear, s.phase, s.status, List.copyOf(s.countries), s.sponsor, s.institution, s.target,
                s.cellSource, s.geneEditing, s.vector, s.sourceType, s.sourceNote);
    }
}
