package org.cartevidence.study;

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
@Tag(name = "Studies", description = "Trials and published reports, with the product they tested and their source.")
public class StudyResource {

    @Inject
    StudyService studies;

    @Inject
    History history;

    @Inject
    AnswerCache answers;

    @GET
    @Path("studies")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listStudies", summary = "List studies",
            description = "Pages through studies, filtered and sorted.")
    @Sorted(value = StudySort.class, example = "-publicationYear,title")
    @APIResponse(responseCode = "200", description = "One page of studies.")
    public RestResponse<PageResponse<StudyView>> list(@Valid @BeanParam StudyListFilter filter,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return answers.page(uri, () -> studies.list(filter, page));
    }

    @GET
    @Path("studies/{id}")
    @Operation(operationId = "getStudy", summary = "Get a study",
            description = "One study with its ETag. If-None-Match with the current ETag answers 304.")
    @APIResponse(responseCode = "200", description = "The study.",
            content = @Content(schema = @Schema(implementation = StudyView.class)))
    public Response get(@PathParam("id") @Parameter(description = "Study id.", example = "101") long id,
            @Context Request request) {
        StudyView study = answers.get("study " + id, () -> StudyView.of(studies.get(id)));
        return ETags.read(request, study.version(), study);
    }

    @POST
    @Path("studies")
    @Operation(operationId = "createStudy", summary = "Create a study",
            description = "Creates a study. Its key must be unique.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new study.",
            content = @Content(schema = @Schema(implementation = StudyView.class)))
    public Response create(@NotNull @Valid StudyInput body, @Context UriInfo uri) {
        Study study = studies.create(body);
        return ETags.created(uri.getAbsolutePathBuilder().path(Long.toString(study.id)).build(), study,
                StudyView.of(study));
    }

    @PUT
    @Path("studies/{id}")
    @Operation(operationId = "replaceStudy", summary = "Replace a study",
            description = "Replaces every writable field; absent optional fields become empty. The read-only "
                    + "fields of a GET body are ignored, so a GET body can be edited and sent back.")
    @APIResponse(responseCode = "200", description = "The updated study.",
            content = @Content(schema = @Schema(implementation = StudyView.class)))
    public Response replace(@PathParam("id") @Parameter(description = "Study id.") long id,
            @NotNull @Valid StudyInput body, @Context Request request) {
        Study study = studies.replace(id, body, ETags.ifMatch(request));
        return ETags.written(study, StudyView.of(study));
    }

    @PATCH
    @Path("studies/{id}")
    @Consumes(JsonMergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchStudy", summary = "Change some fields of a study",
            description = "RFC 7396 JSON merge patch: the fields sent replace the stored ones, null removes an "
                    + "optional field. The result is validated like a PUT.")
    @RequestBody(required = true, content = @Content(mediaType = JsonMergePatch.MEDIA_TYPE,
            // The input it patches; the contract's conventions make its merge-patch form.
            schema = @Schema(implementation = StudyInput.class),
            example = "{\"status\": \"PUBLISHED\", \"pmid\": \"38381673\"}"))
    @APIResponse(responseCode = "200", description = "The updated study.",
            content = @Content(schema = @Schema(implementation = StudyView.class)))
    public Response patch(@PathParam("id") @Parameter(description = "Study id.") long id, JsonNode body,
            @Context Request request) {
        Study study = studies.patch(id, body, ETags.ifMatch(request));
        return ETags.written(study, StudyView.of(study));
    }

    @GET
    @Path("studies/{id}/history")
    @Operation(operationId = "listStudyRevisions", summary = "List the revisions of a study",
            description = "Every recorded change of the study, oldest first: who made it, when, and the values it "
                    + "left (for a deletion, its last values). Also for a deleted study; 404 only for an id that "
                    + "never existed.")
    @APIResponse(responseCode = "200", description = "One page of the study's revisions.")
    public RestResponse<PageResponse<RevisionView<StudyView>>> history(
            @PathParam("id") @Parameter(description = "Study id.", example = "101") long id,
            @Valid @BeanParam HistoryParams page, @Context UriInfo uri) {
        return Paging.respond(history.of(Study.class, "study", id, page, StudyView::of), uri);
    }

    @DELETE
    @Path("studies/{id}")
    @Operation(operationId = "deleteStudy", summary = "Delete a study",
            description = "Refused (409) while the study has cohorts, unless cascade=true deletes its cohorts and "
                    + "their outcomes with it.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") @Parameter(description = "Study id.") long id,
            @QueryParam("cascade") @Parameter(description = "Also delete the study's cohorts and outcomes.")
            boolean cascade, @Context Request request) {
        studies.delete(id, cascade, ETags.ifMatch(request));
        return Response.noContent().build();
    }
}
