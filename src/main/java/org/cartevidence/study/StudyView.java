package org.cartevidence.study;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A study as the API answers it. */
@Schema(name = "Study", description = "A trial or published report of CAR-T therapy in autoimmune disease.")
public record StudyView(
        @Schema(readOnly = true, examples = "101") Long id,
        @Schema(examples = "mueller-2024-nejm") String key,
        @Schema(examples = "CD19 CAR T-cell therapy in autoimmune disease - a case series with follow-up") String title,
        @Nullable String citation,
        @Schema(examples = "[\"NCT05859997\"]") List<String> registryIds,
        @Schema(examples = "10.1056/NEJMoa2308917") @Nullable String doi,
        @Schema(examples = "38381673") @Nullable String pmid,
        @Schema(examples = "2024") @Nullable Integer publicationYear,
        @Nullable Integer startYear,
        Phase phase,
        StudyStatus status,
        @Schema(examples = "[\"Germany\"]") List<String> countries,
        @Nullable String sponsor,
        @Nullable String institution,
        Target target,
        CellSource cellSource,
        @Nullable GeneEditing geneEditing,
        @Nullable VectorType vector,
        SourceType sourceType,
        @Nullable String sourceNote,
        @Schema(readOnly = true, description = "Raised by one on every change; the ETag.", examples = "0") long version,
        @Schema(readOnly = true, examples = "2025-01-31T10:15:30.123Z") Instant createdAt,
        @Schema(readOnly = true, examples = "2025-01-31T10:15:30.123Z") Instant updatedAt) {

    public static StudyView of(Study s) {
        return new StudyView(s.id, s.key, s.title, s.citation, List.copyOf(s.registryIds), s.doi, s.pmid,
                s.publicationYear, s.startYear, s.phase, s.status, List.copyOf(s.countries), s.sponsor, s.institution,
                s.target, s.cellSource, s.geneEditing, s.vector, s.sourceType, s.sourceNote, s.version, s.createdAt,
                s.updatedAt);
    }
}
