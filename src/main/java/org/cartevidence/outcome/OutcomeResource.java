package org.cartevidence.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cartevidence.api.AnswerCache;
import org.cartevidence.api.Csv;
import org.cartevidence.api.ETags;
import org.cartevidence.audit.History;
import org.cartevidence.audit.HistoryParams;
import org.cartevidence.audit.RevisionView;
import org.cartevidence.api.JsonMergePatch;
import org.cartevidence.api.PageParams;
import org.cartevidence.api.PageResponse;
import org.cartevidence.api.Paging;
import org.cartevidence.api.SortField.Sorted;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Outcomes", description = "Measured results of a cohort: remission, response, CRS, ICANS, relapse, death...")
public class OutcomeResource {

    @Inject
    OutcomeService outcomes;

    @Inject
    History history;

    @Inject
    AnswerCache answers;

    @GET
    @Path("outcomes")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listOutcomes", summary = "List outcomes",
            description = "Pages through the outcomes of all cohorts, filtered and sorted.")
    @Sorted(value = OutcomeSort.class, example = "measure,-timepointMonths")
    @APIResponse(responseCode = "200", description = "One page of outcomes.")
    public RestResponse<PageResponse<OutcomeView>> list(@BeanParam OutcomeFilter filter,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return answers.page(uri, () -> outcomes.list(filter, page));
    }

    @GET
    @Path("cohorts/{cohortId}/outcomes")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listCohortOutcomes", summary = "List the outcomes of a cohort",
            description = "Pages through one cohort's outcomes, filtered and sorted.")
    @Sorted(value = OutcomeSort.class, example = "-timepointMonths")
    @APIResponse(responseCode = "200", description = "One page of the cohort's outcomes.")
    public RestResponse<PageResponse<OutcomeView>> listOfCohort(
            @PathParam("cohortId") @Parameter(description = "Cohort id.", example = "204") long cohortId,
            @BeanParam OutcomeFilter filter, @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return answers.page(uri, () -> outcomes.listOfCohort(cohortId, filter, page));
    }

    @POST
    @Path("cohorts/{cohortId}/outcomes")
    @Operation(operationId = "createOutcome", summary = "Add an outcome to a cohort",
            description = "Adds an outcome to the cohort in the path: events out of total, with 0 <= events <= total "
                    + "<= the cohort's enrolled. Its measure, definition and time point identify it within the cohort: "
                    + "another outcome of the cohort with the same three (an absent definition or time point matching "
                    + "an absent one) is a 409, for a replacement or patch too.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new outcome.",
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    public Response create(@PathParam("cohortId") @Parameter(description = "Cohort id.") long cohortId,
            @NotNull @Valid OutcomeInput body, @Context UriInfo uri) {
        Outcome outcome = outcomes.create(cohortId, body);
        return ETags.created(uri.getBaseUriBuilder().path("api/v1/outcomes/{id}").build(outcome.id), outcome,
                OutcomeView.of(outcome));
    }

    @GET
    @Path("outcomes/{id}")
    @Operation(operationId = "getOutcome", summary = "Get an outcome",
            description = "One outcome with its ETag. If-None-Match with the current ETag answers 304.")
    @APIResponse(responseCode = "200", description = "The outcome.",
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    public Response get(@PathParam("id") @Parameter(description = "Outcome id.", example = "307") long id,
            @Context Request request) {
        Outcome outcome = outcomes.get(id);
        return ETags.read(request, outcome, OutcomeView.of(outcome));
    }

    @PUT
    @Path("outcomes/{id}")
    @Operation(operationId = "replaceOutcome", summary = "Replace an outcome",
            description = "Replaces every writable field; absent optional fields become empty. A GET body can be "
                    + "sent back (its read-only fields are ignored). The cohort of an outcome never changes.")
    @APIResponse(responseCode = "200", description = "The updated outcome.",
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    public Response replace(@PathParam("id") @Parameter(description = "Outcome id.") long id,
            @NotNull @Valid OutcomeInput body, @Context Request request) {
        Outcome outcome = outcomes.replace(id, body, ETags.ifMatch(request));
        return ETags.written(outcome, OutcomeView.of(outcome));
    }

    @PATCH
    @Path("outcomes/{id}")
    @Consumes(JsonMergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchOutcome", summary = "Change some fields of an outcome",
            description = "RFC 7396 JSON merge patch; the result is validated like a PUT.")
    @RequestBody(required = true, content = @Content(mediaType = JsonMergePatch.MEDIA_TYPE,
            // The input it patches; the contract's conventions make its merge-patch form.
            schema = @Schema(implementation = OutcomeInput.class),
            example = "{\"events\": 7, \"timepointMonths\": 6}"))
    @APIResponse(responseCode = "200", description = "The updated outcome.",
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    public Response patch(@PathParam("id") @Parameter(description = "Outcome id.") long id, JsonNode body,
            @Context Request request) {
        Outcome outcome = outcomes.patch(id, body, ETags.ifMatch(request));
        return ETags.written(outcome, OutcomeView.of(outcome));
    }

    @GET
    @Path("outcomes/{id}/history")
    @Operation(operationId = "listOutcomeRevisions", summary = "List the revisions of an outcome",
            description = "Every recorded change of the outcome, oldest first: who made it, when, and the values it "
                    + "left (for a deletion, its last values). Also for a deleted outcome; 404 only for an id that "
                    + "never existed.")
    @APIResponse(responseCode = "200", description = "One page of the outcome's revisions.")
    public RestResponse<PageResponse<RevisionView<OutcomeView>>> history(
            @PathParam("id") @Parameter(description = "Outcome id.", example = "307") long id,
            @Valid @BeanParam HistoryParams page, @Context UriInfo uri) {
        return Paging.respond(history.of(Outcome.class, "outcome", id, page, OutcomeView::of), uri);
    }

    @DELETE
    @Path("outcomes/{id}")
    @Operation(operationId = "deleteOutcome", summary = "Delete an outcome",
            description = "Deletes one outcome. With If-Match, only if it is still at that version.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") @Parameter(description = "Outcome id.") long id,
            @Context Request request) {
        outcomes.delete(id, ETags.ifMatch(request));
        return Response.noContent().build();
    }
}
