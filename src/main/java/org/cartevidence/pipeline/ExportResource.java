package org.cartevidence.pipeline;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import org.cartevidence.api.Csv;
import org.cartevidence.api.FormatParameter;
import org.cartevidence.study.StudyListFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Everything, or what changed, as study documents for pipelines. */
@Path("/api/v1")
@Tag(name = "Pipelines")
public class ExportResource {

    static final String OPERATION = "exportStudies";

    private static final MediaType NDJSON = MediaType.valueOf(FormatParameter.NDJSON);
    private static final List<Variant> VARIANTS = Variant.mediaTypes(NDJSON, Csv.TYPE).build();

    @Inject
    ExportService exports;

    @GET
    @Path("export")
    @Produces({FormatParameter.NDJSON, Csv.MEDIA_TYPE})
    @Operation(operationId = OPERATION, summary = "Export study documents",
            description = "The studies that pass the filters of the study list, each with its cohorts and their "
                    + "outcomes, in the format POST /api/v1/import reads: NDJSON (default; format=ndjson) or CSV "
                    + "(format=csv or Accept: text/csv; one row per outcome with its cohort's and study's columns, "
                    + "list items joined with ';'). Studies come in key order, cohorts by label, outcomes by measure, "
                    + "definition and timepointMonths, so the same data always exports to the same bytes. "
                    + "updatedSince keeps the studies of which anything (the study, a cohort or an outcome) changed "
                    + "at or after that instant; deletions show in the records' history, not here. Streamed.")
    @APIResponse(responseCode = "200", description = "The documents.", content = {
            @Content(mediaType = FormatParameter.NDJSON, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "ndjson", value = Examples.NDJSON)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = Examples.CSV))})
    public Response exportStudies(@Valid @BeanParam StudyListFilter filter, @Context Request request) {
        MediaType type = request.selectVariant(VARIANTS).getMediaType();
        StreamingOutput body = Csv.TYPE.isCompatible(type)
                ? out -> exports.csv(filter, out)
                : out -> exports.ndjson(filter, out);
        return Response.ok(body, type).build();
    }
}
