package org.cartevidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body: what every error answer of the API carries. */
@Schema(name = "Problem", description = "RFC 9457 problem details.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "A URI reference that identifies the problem type.", examples = "urn:cart-evidence:problem:validation")
        URI type,
        @Schema(description = "A short summary of the problem type.", examples = "Invalid input")
        String title,
        @Schema(description = "The HTTP status code.", examples = "422")
        int status,
        @Schema(description = "What went wrong in this occurrence.", examples = "1 field is invalid")
        String detail,
        @Schema(description = "The request path of this occurrence (a URI reference).", examples = "/api/v1/studies")
        String instance,
        @Schema(description = "One entry per invalid field or parameter.")
        @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid field: a JSON path into the body (e.g. {@code registryIds[0]}) or a parameter name. An import names
     * the line (NDJSON) or document (JSON array) it is in, from 1, and the field as a JSON pointer into that document.
     */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "Import only: the line (NDJSON) or document (JSON array) of the error, from 1.",
                    examples = "3")
            @Nullable Integer line,
            @Schema(description = "The body field (JSON path; a JSON pointer in an import) or query/header parameter.",
                    examples = "female")
            String field,
            @Schema(description = "Why it was refused.", examples = "must not exceed enrolled (5)")
            String message) {

        public FieldError(String field, String message) {
            this(null, field, message);
        }
    }
}
