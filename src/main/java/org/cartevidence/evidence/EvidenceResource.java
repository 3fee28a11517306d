package org.cartevidence.evidence;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "Aggregates over the stored evidence.")
public class EvidenceResource {

    @Inject
    SummaryQueries summaries;

    @GET
    @Path("summary")
    @Operation(operationId = "getEvidenceSummary", summary = "Count the evidence",
            description = "Studies, cohorts and patients in total and by disease, CAR target, cell source, phase, "
                    + "country and publication year. Cohorts superseded by a later report of the same patients are "
                    + "left out unless includeSuperseded=true; a study counts once per value however many cohorts "
                    + "it has.")
    @APIResponse(responseCode = "200", description = "The counts.")
    public EvidenceSummary summary(@QueryParam("includeSuperseded")
            @Parameter(description = "Also count cohorts that a later report supersedes.") boolean includeSuperseded) {
        return summaries.summary(includeSuperseded);
    }
}
