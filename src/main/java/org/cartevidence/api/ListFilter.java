package org.cartevidence.api;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filter every list of records takes ({@link ListQuery#updatedSince}); each list's filters add their own. */
public class ListFilter {

    @QueryParam("updatedSince")
    @Parameter(description = "Only records changed at or after this ISO-8601 instant (incremental sync).",
            example = "2025-01-01T00:00:00Z")
    public Instant updatedSince;
}
