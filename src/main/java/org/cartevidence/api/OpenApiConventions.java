package org.cartevidence.api;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Writes the API's cross-cutting conventions into the contract once, instead of on every operation: the problem
 * answers each kind of operation can give, the ETag and precondition headers of single resources, the Link header
 * of lists and the Location of creations.
 */
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";

    /** Sorted, so that the generated contract is the same on every build. */
    private static final Map<String, String> PROBLEMS = new TreeMap<>(Map.of(
            "BadRequest", "Malformed body (bad JSON, wrong type, unknown field or enum value) or a bad query parameter.",
            "NotFound", "No record with this id.",
            "NotAcceptable", "None of the media types in Accept can be produced.",
            "Conflict", "Conflicts with stored data: a duplicate key or label, records that depend on this one, or a "
                    + "concurrent change.",
            "PreconditionFailed", "If-Match does not name the current version.",
            "UnsupportedMediaType", "The request's Content-Type is not accepted here.",
            "UnprocessableContent", "Well-formed but invalid: each invalid field is listed in errors."));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        PROBLEMS.forEach((name, description) -> components.addResponse(name, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))))));
        components.addHeader("ETag", header("The record's version as a strong entity tag; send it back in If-Match.",
                "\"3\""));
        components.addHeader("Location", header("URL of the created record.", "/api/v1/studies/101"));
        components.addHeader("Link", header("RFC 8288 links to the first, prev, next and last pages.",
                "</api/v1/studies?page=1&size=20>; rel=\"next\""));
        components.addParameter("IfMatch", precondition("If-Match",
                "Only change the record if it is still at this version (its ETag); 412 otherwise."));
        components.addParameter("IfNoneMatch", precondition("If-None-Match",
                "Answer 304 without a body if the record is still at this version."));

        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>()); // public: declared explicitly, not left implicit
        }
        boolean single = path.endsWith("}");
        boolean hasId = path.contains("{");
        problem(operation, "400", "BadRequest");
        problem(operation, "406", "NotAcceptable");
        if (hasId) {
            problem(operation, "404", "NotFound");
        }
        switch (method) {
            case GET -> {
                if (single) {
                    operation.addParameter(ref("IfNoneMatch"));
                    header(operation, "200", "ETag");
                } else if (operation.getOperationId() != null && operation.getOperationId().startsWith("list")) {
                    header(operation, "200", "Link");
                }
            }
            case POST -> {
                problem(operation, "409", "Conflict");
                problem(operation, "415", "UnsupportedMediaType");
                problem(operation, "422", "UnprocessableContent");
                header(operation, "201", "Location");
                header(operation, "201", "ETag");
            }
            case PUT, PATCH -> {
                operation.addParameter(ref("IfMatch"));
                problem(operation, "409", "Conflict");
                problem(operation, "412", "PreconditionFailed");
                problem(operation, "415", "UnsupportedMediaType");
                problem(operation, "422", "UnprocessableContent");
                header(operation, "200", "ETag");
            }
            case DELETE -> {
                operation.addParameter(ref("IfMatch"));
                problem(operation, "409", "Conflict");
                problem(operation, "412", "PreconditionFailed");
            }
            default -> {
            }
        }
    }

    private static void problem(Operation operation, String status, String name) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation.getResponses().addAPIResponse(status,
                    OASFactory.createAPIResponse().ref("#/components/responses/" + name));
        }
    }

    private static void header(Operation operation, String status, String name) {
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response != null) {
            response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
        }
    }

    private static Header header(String description, String example) {
        return OASFactory.createHeader().description(description).example(example)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Parameter precondition(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(false)
                .description(description).example("\"3\"")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Parameter ref(String name) {
        return OASFactory.createParameter().ref("#/components/parameters/" + name);
    }
}
