package org.cartevidence.cohort;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the cohort list. A repeated parameter matches any of its values. */
public class CohortFilter {

    @QueryParam("studyId")
    @Parameter(description = "Cohorts of this study.", example = "101")
    public Long studyId;

    @QueryParam("disease")
    @Parameter(description = "Disease.", example = "[\"SLE\"]")
    public List<Disease> disease;

    @QueryParam("updatedSince")
    @Parameter(description = "Only records changed at or after this ISO-8601 instant (incremental sync).",
            example = "2025-01-01T00:00:00Z")
    public Instant updatedSince;
}
