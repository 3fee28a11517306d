package org.cartevidence.study;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Locale;
import org.cartevidence.api.ListQuery;
import org.cartevidence.cohort.Disease;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The study filters, one {@code @BeanParam} for the study list, the export, the FHIR searches and every evidence
 * aggregate, so that a filter means the same wherever it is given. A repeated parameter matches any of its values;
 * an absent one (or an empty list) filters nothing.
 */
public class StudyFilter {

    @QueryParam("disease")
    @Parameter(description = "A disease of the cohorts: studies with at least one cohort of it; the evidence "
            + "aggregates count and pool only the cohorts of it.", example = "[\"SLE\"]")
    public List<Disease> disease;

    @QueryParam("target")
    @Parameter(description = "CAR target.", example = "[\"CD19\"]")
    public List<Target> target;

    @QueryParam("cellSource")
    @Parameter(description = "Autologous or allogeneic cells.", example = "[\"ALLOGENEIC\"]")
    public List<CellSource> cellSource;

    @QueryParam("geneEditing")
    @Parameter(description = "Gene editing of the cells.", example = "[\"NONE\"]")
    public List<GeneEditing> geneEditing;

    @QueryParam("phase")
    @Parameter(description = "Trial phase or kind of report.", example = "[\"PHASE_1\"]")
    public List<Phase> phase;

    @QueryParam("sourceType")
    @Parameter(description = "Kind of source; PEER_REVIEWED keeps the peer-reviewed reports only (a stricter pool).",
            example = "[\"PEER_REVIEWED\"]")
    public List<SourceType> sourceType;

    @QueryParam("status")
    @Parameter(description = "Study status.", example = "[\"PUBLISHED\"]")
    public List<StudyStatus> status;

    @QueryParam("country")
    @Parameter(description = "A country the study ran in (case-insensitive, exact name).", example = "[\"Germany\"]")
    public List<@Size(max = 100) String> country;

    @QueryParam("yearFrom")
    @Min(StudyInput.YEAR_MIN)
    @Max(StudyInput.YEAR_MAX)
    @Parameter(description = "Publication year at least this.", example = "2022")
    public Integer yearFrom;

    @QueryParam("yearTo")
    @Min(StudyInput.YEAR_MIN)
    @Max(StudyInput.YEAR_MAX)
    @Parameter(description = "Publication year at most this.", example = "2025")
    public Integer yearTo;

    /** Adds these filters to {@code query}, in which the study is {@code s}: it passes with a cohort of a disease. */
    public <E> ListQuery<E> studiesIn(ListQuery<E> query) {
        // The subquery's alias is one that no query joining cohorts to the study uses for them.
        return onStudyFields(query).where(
                "exists (select 1 from Cohort dc where dc.study = s and dc.disease in :disease)", "disease", disease);
    }

    /**
     * What to add to the join of a cohort {@code c} to a study that {@link #studiesIn} filters so that only the
     * cohorts of the diseases asked for join: nothing without one; its parameter is the one {@code studiesIn} binds.
     */
    public String joinedCohorts() {
        return disease == null || disease.isEmpty() ? "" : " and c.disease in :disease";
    }

    /** Adds these filters to {@code query}, in which the cohort is {@code c} and its study {@code s}. */
    public <E> ListQuery<E> cohortsIn(ListQuery<E> query) {
        return onStudyFields(query).where("c.disease in :disease", "disease", disease);
    }

    private <E> ListQuery<E> onStudyFields(ListQuery<E> query) {
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
