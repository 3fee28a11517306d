package org.cartevidence.study;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the study list and of what lists studies (the export, FHIR's search): the study filters and these. */
public class StudyListFilter extends StudyFilter {

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "Case-insensitive text in the title, key, registry ids, DOI or sponsor.", example = "lupus")
    public String q;

    @QueryParam("updatedSince")
    @Parameter(description = "Only records changed at or after this ISO-8601 instant (incremental sync).",
            example = "2025-01-01T00:00:00Z")
    public Instant updatedSince;
}
