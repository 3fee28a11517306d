package org.cartevidence.pipeline;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.cartevidence.api.FormatParameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk writes for pipelines: study documents in, counts out. */
@Path("/api/v1")
@Tag(name = "Pipelines", description = "Bulk import and streamed export of study documents (a study with its cohorts "
        + "and their outcomes), for data pipelines.")
public class ImportResource {

    static final String OPERATION = "importStudies";

    @Inject
    ImportService imports;

    @Inject
    ImportLimit limit;

    @POST
    @Path("import")
    @Consumes({FormatParameter.NDJSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = OPERATION, summary = "Import study documents",
            description = "Upserts studies by key, their cohorts by label and the cohorts' outcomes by measure, "
                    + "definition and timepointMonths: the format GET /api/v1/export writes. A cohort's later report "
                    + "is named by studyKey and label, in the import or already stored. All or nothing: every "
                    + "document is checked first, and any error answers 422 listing each one (line from 1, JSON "
                    + "pointer of the field, message) with nothing written. A record already equal to its document "
                    + "is left as it is (no new version, no audit entry), so importing the same documents again "
                    + "changes nothing. Records the documents do not mention are kept: an import never deletes. "
                    + "The body is read as a stream, up to cartevidence.limits.max-import-size (64 MiB by default); "
                    + "post larger sets in several requests.")
    @RequestBody(required = true, content = {
            @Content(mediaType = FormatParameter.NDJSON, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "ndjson", summary = "One study per line",
                            value = Examples.NDJSON)),
            // The study document's schema: see DocumentSchemas.
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "json", summary = "An array of study documents",
                            value = Examples.JSON))})
    @APIResponse(responseCode = "200", description = "Imported (or, with dryRun, checked): counts per kind of record.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportResult.class),
                    examples = @ExampleObject(name = "counts", value = Examples.RESULT)))
    public ImportResult importStudies(InputStream body,
            @QueryParam("dryRun") @Parameter(description = "Check and count only; write nothing.") boolean dryRun,
            @Context HttpHeaders headers) {
        boolean ndjson = headers.getMediaType() != null
                && headers.getMediaType().isCompatible(MediaType.valueOf(FormatParameter.NDJSON));
        return imports.importDocuments(new CountedBody(body, limit.limit()), ndjson, dryRun);
    }
}
