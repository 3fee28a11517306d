package org.cartevidence.study;

import java.util.List;
import java.util.Locale;
import org.cartevidence.api.ListQuery;

/**
 * The filters on a study's own fields, shared by the study list and the pooled evidence so that a filter means the
 * same in both. A list matches any of its values; an absent one (null or empty) filters nothing.
 */
public record StudyCriteria(List<Phase> phase, List<StudyStatus> status, List<Target> target,
                            List<CellSource> cellSource, List<GeneEditing> geneEditing, List<SourceType> sourceType,
                            List<String> country, Integer yearFrom, Integer yearTo) {

    /** Adds these filters to {@code query}, in which the study is {@code s}. */
    public <E> ListQuery<E> applyTo(ListQuery<E> query) {
        return query
                .where("s.phase in :phase", "phase", phase)
                .where("s.status in :status", "status", status)
                .where("s.target in :target", "target", target)
                .where("s.cellSource in :cellSource", "cellSource", cellSource)
                .where("s.geneEditing in :geneEditing", "geneEditing", geneEditing)
                .where("s.sourceType in :sourceType", "sourceType", sourceType)
                // Country names are matched whole and case-insensitively.
                .where("exists (select 1 from Study s3 join s3.countries k where s3 = s and lower(k) in :country)",
                        "country", country == null ? null
                                : country.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList())
                .where("s.publicationYear >= :yearFrom", "yearFrom", yearFrom)
                .where("s.publicationYear <= :yearTo", "yearTo", yearTo);
    }
}
