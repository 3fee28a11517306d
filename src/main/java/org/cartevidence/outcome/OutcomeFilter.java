package org.cartevidence.outcome;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the outcome list. A repeated parameter matches any of its values. */
public class OutcomeFilter {

    @QueryParam("cohortId")
    @Parameter(description = "Outcomes of this cohort.", example = "204")
    public Long cohortId;

    @QueryParam("measure")
    @Parameter(description = "Measure.", example = "[\"REMISSION\"]")
    public List<Measure> measure;

    @QueryParam("updatedSince")
    @Parameter(description = "Only records changed at or after this ISO-8601 instant (incremental sync).",
            example = "2025-01-01T00:00:00Z")
    public Instant updatedSince;
}
