package org.cartevidence.study;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.cartevidence.cohort.Disease;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the study list. A repeated parameter matches any of its values. */
public class StudyFilter {

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "Case-insensitive text in the title, key, registry ids, DOI or sponsor.", example = "lupus")
    public String q;

    @QueryParam("disease")
    @Parameter(description = "Studies with at least one cohort of this disease.", example = "[\"SLE\"]")
    public List<Disease> disease;

    @QueryParam("phase")
    @Parameter(description = "Trial phase or kind of report.")
    public List<Phase> phase;

    @QueryParam("status")
    @Parameter(description = "Study status.")
    public List<StudyStatus> status;

    @QueryParam("target")
    @Parameter(description = "CAR target.", example = "[\"CD19\"]")
    public List<Target> target;

    @QueryParam("cellSource")
    @Parameter(description = "Autologous or allogeneic cells.", example = "[\"ALLOGENEIC\"]")
    public List<CellSource> cellSource;

    @QueryParam("geneEditing")
    @Parameter(description = "Gene editing of the cells.")
    public List<GeneEditing> geneEditing;

    @QueryParam("sourceType")
    @Parameter(description = "Kind of source.", example = "[\"PEER_REVIEWED\"]")
    public List<SourceType> sourceType;

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

    @QueryParam("updatedSince")
    @Parameter(description = "Only records changed at or after this ISO-8601 instant (incremental sync).",
            example = "2025-01-01T00:00:00Z")
    public Instant updatedSince;

    /** The filters on the study's own fields. */
    public StudyCriteria criteria() {
        return new StudyCriteria(phase, status, target, cellSource, geneEditing, sourceType, country, yearFrom, yearTo);
    }
}
