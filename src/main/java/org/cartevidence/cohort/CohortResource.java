package org.cartevidence.cohort;

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
import jakarta.ws.rs.QueryParam;
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
@Tag(name = "Cohorts", description = "The patients of one study who share a disease, dose or arm.")
public class CohortResource {

    @Inject
    CohortService cohorts;

    @Inject
    History history;

    @Inject
    AnswerCache answers;

    @GET
    @Path("cohorts")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listCohorts", summary = "List cohorts",
            description = "Pages through the cohorts of all studies, filtered and sorted.")
    @Sorted(value = CohortSort.class, example = "-enrolled,label")
    @APIResponse(responseCode = "200", description = "One page of cohorts.")
    public RestResponse<PageResponse<CohortView>> list(@BeanParam CohortFilter filter,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return answers.page(uri, () -> cohorts.list(filter, page));
    }

    @GET
    @Path("studies/{studyId}/cohorts")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listStudyCohorts", summary = "List the cohorts of a study",
            description = "Pages through one study's cohorts, filtered and sorted.")
    @Sorted(value = CohortSort.class, example = "label")
    @APIResponse(responseCode = "200", description = "One page of the study's cohorts.")
    public RestResponse<PageResponse<CohortView>> listOfStudy(
            @PathParam("studyId") @Parameter(description = "Study id.", example = "101") long studyId,
            @BeanParam CohortFilter filter, @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return answers.page(uri, () -> cohorts.listOfStudy(studyId, filter, page));
    }

    @POST
    @Path("studies/{studyId}/cohorts")
    @Operation(operationId = "createCohort", summary = "Add a cohort to a study",
            description = "Adds a cohort to the study in the path. Its label must be unique within the study; female must not exceed enrolled; supersededBy names the cohort of a later report of the same patients.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new cohort.",
            content = @Content(schema = @Schema(implementation = CohortView.class)))
    public Response create(@PathParam("studyId") @Parameter(description = "Study id.") long studyId,
            @NotNull @Valid CohortInput body, @Context UriInfo uri) {
        Cohort cohort = cohorts.create(studyId, body);
        return ETags.created(uri.getBaseUriBuilder().path("api/v1/cohorts/{id}").build(cohort.id), cohort,
                CohortView.of(cohort));
    }

    @GET
    @Path("cohorts/{id}")
    @Operation(operationId = "getCohort", summary = "Get a cohort",
            description = "One cohort with its ETag. If-None-Match with the current ETag answers 304.")
    @APIResponse(responseCode = "200", description = "The cohort.",
            content = @Content(schema = @Schema(implementation = CohortView.class)))
    public Response get(@PathParam("id") @Parameter(description = "Cohort id.", example = "204") long id,
            @Context Request request) {
        Cohort cohort = cohorts.get(id);
        return ETags.read(request, cohort, CohortView.of(cohort));
    }

    @PUT
    @Path("cohorts/{id}")
    @Operation(operationId = "replaceCohort", summary = "Replace a cohort",
            description = "Replaces every writable field; absent optional fields become empty. A GET body can be "
                    + "sent back (its read-only fields are ignored). The study of a cohort never changes.")
    @APIResponse(responseCode = "200", description = "The updated cohort.",
            content = @Content(schema = @Schema(implementation = CohortView.class)))
    public Response replace(@PathParam("id") @Parameter(description = "Cohort id.") long id,
            @NotNull @Valid CohortInput body, @Context Request request) {
        Cohort cohort = cohorts.replace(id, body, ETags.ifMatch(request));
        return ETags.written(cohort, CohortView.of(cohort));
    }

    @PATCH
    @Path("cohorts/{id}")
    @Consumes(JsonMergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchCohort", summary = "Change some fields of a cohort",
            description = "RFC 7396 JSON merge patch; the result is validated like a PUT.")
    @RequestBody(required = true, content = @Content(mediaType = JsonMergePatch.MEDIA_TYPE,
            // The input it patches; the contract's conventions make its merge-patch form.
            schema = @Schema(implementation = CohortInput.class),
            example = "{\"medianFollowUpMonths\": 18, \"supersededBy\": null}"))
    @APIResponse(responseCode = "200", description = "The updated cohort.",
            content = @Content(schema = @Schema(implementation = CohortView.class)))
    public Response patch(@PathParam("id") @Parameter(description = "Cohort id.") long id, JsonNode body,
            @Context Request request) {
        Cohort cohort = cohorts.patch(id, body, ETags.ifMatch(request));
        return ETags.written(cohort, CohortView.of(cohort));
    }

    @GET
    @Path("cohorts/{id}/history")
    @Operation(operationId = "listCohortRevisions", summary = "List the revisions of a cohort",
            description = "Every recorded change of the cohort, oldest first: who made it, when, and the values it "
                    + "left (for a deletion, its last values). Also for a deleted cohort; 404 only for an id that "
                    + "never existed.")
    @APIResponse(responseCode = "200", description = "One page of the cohort's revisions.")
    public RestResponse<PageResponse<RevisionView<CohortView>>> history(
            @PathParam("id") @Parameter(description = "Cohort id.", example = "204") long id,
            @Valid @BeanParam HistoryParams page, @Context UriInfo uri) {
        return Paging.respond(history.of(Cohort.class, "cohort", id, page, CohortView::of), uri);
    }

    @DELETE
    @Path("cohorts/{id}")
    @Operation(operationId = "deleteCohort", summary = "Delete a cohort",
            description = "Refused (409) while the cohort has outcomes or is the later report of other cohorts, "
                    + "unless cascade=true deletes its outcomes and removes those links.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") @Parameter(description = "Cohort id.") long id,
            @QueryParam("cascade") @Parameter(description = "Also delete the outcomes and unlink later-report links.")
            boolean cascade, @Context Request request) {
        cohorts.delete(id, cascade, ETags.ifMatch(request));
        return Response.noContent().build();
    }
}
