package org.cartevidence.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.openapi.api.OpenApiConfig;
import io.smallrye.openapi.runtime.io.JsonIO;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.jboss.jandex.IndexView;

/**
 * Writes the API's cross-cutting conventions into the contract once, instead of on every operation: who may call it
 * (a curator writes; reads are public by default), the problem answers each kind of operation can give, the ETag and
 * precondition headers of single resources, the Link header of lists and the Location of creations; and names the
 * schemas and orders the tags as a reader expects them.
 * It runs when the contract is built (nothing in it depends on the running instance), not at every start, and reads
 * the application's classes from the build's index.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    /** The tags in the order a reader meets them: the records from the study down, then what is built on them. */
    static final List<String> TAG_ORDER = List.of("Studies", "Cohorts", "Outcomes", "Evidence", "Pipelines", "FHIR",
            "Service");

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String OPERATION_OUTCOME = "OperationOutcome";
    private static final String FHIR_JSON = "application/fhir+json";

    /** Sorted, so that the generated contract is the same on every build. */
    private static final Map<String, String> PROBLEMS = new TreeMap<>(Map.ofEntries(
            Map.entry("BadRequest", "Malformed body (bad JSON, wrong type, unknown field or enum value) or a bad "
                    + "query parameter (a bad value, or a single-valued parameter given twice or empty)."),
            Map.entry("NotFound", "No record with this id."),
            Map.entry("NotAcceptable", "None of the media types in Accept can be produced."),
            Map.entry("Conflict", "Conflicts with stored data: a duplicate key, label or outcome, records that depend "
                    + "on this one, or a concurrent change."),
            Map.entry("PreconditionFailed", "If-Match does not name the current version."),
            Map.entry("UnsupportedMediaType", "The request's Content-Type is not accepted here."),
            Map.entry("UnprocessableContent", "Well-formed but invalid: each invalid field is listed in errors."),
            Map.entry("Unauthorized", "No credentials where the operation needs them, or credentials that were not "
                    + "accepted (also on a public read). WWW-Authenticate names both schemes: HTTP Basic and bearer "
                    + "(JWT)."),
            Map.entry("Forbidden", "Authenticated, but without the role the operation needs: curator to write; reader "
                    + "or curator to read when reads are not public."),
            Map.entry("ContentTooLarge", "The request body is larger than the API's limit (1 MiB by default; 64 MiB "
                    + "for an import)."),
            Map.entry("UriTooLong", "The URL (path and query) is longer than the API's limit (64 KiB by default): "
                    + "ask for fewer filter values at a time.")));

    /**
     * An example value that names a file instead of holding the example: {@code example-file:pipeline/study.ndjson}
     * is the resource {@code openapi-examples/pipeline/study.ndjson}. Annotation values must be constants, and long
     * examples read better as files; the contract gets the file's text, read as the generator reads an annotation's
     * value (JSON parsed, anything else as it is).
     */
    public static final String EXAMPLE_FILE = "example-file:";

    private static final String EXAMPLE_FOLDER = "openapi-examples/";

    /** Writes need the curator role, by either scheme (OpenAPI 3.1 lets non-OAuth schemes list roles). */
    private static final String CURATOR = "curator";

    private final SchemaNames names;
    private final InputSchemas inputs;
    private final ResponseSchemas answers;
    private final SortParameters sorts;

    public OpenApiConventions(IndexView index) {
        this.names = new SchemaNames(index);
        this.inputs = new InputSchemas(names);
        this.answers = new ResponseSchemas(names);
        this.sorts = new SortParameters(index);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        names.rename(openAPI);
        if (openAPI.getTags() != null) {
            List<Tag> tags = new ArrayList<>(openAPI.getTags());
            tags.sort(java.util.Comparator.comparing((Tag tag) -> TAG_ORDER.contains(tag.getName())
                    ? TAG_ORDER.indexOf(tag.getName()) : TAG_ORDER.size()).thenComparing(Tag::getName));
            openAPI.setTags(tags);
        }
        Components components = openAPI.getComponents();
        PROBLEMS.forEach((name, description) -> components.addResponse(name, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))))));
        components.addSchema(OPERATION_OUTCOME, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A FHIR R5 OperationOutcome (https://hl7.org/fhir/R5/operationoutcome.html): one issue "
                        + "per error, its diagnostics saying what went wrong and, for a bad parameter, which.")
                .addProperty("resourceType", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(List.of(OPERATION_OUTCOME)))
                .addProperty("issue", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)))
                .required(List.of("resourceType", "issue")));
        components.addResponse(OPERATION_OUTCOME, OASFactory.createAPIResponse()
                .description("An error of the FHIR face as an OperationOutcome, with the status code the rest of the "
                        + "API answers for it: 400 for a bad parameter, 404 for no such record, 406 when FHIR JSON "
                        + "is not accepted, 401 and 403 as for any read.")
                .content(OASFactory.createContent().addMediaType(FHIR_JSON, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/" + OPERATION_OUTCOME)))));
        components.addHeader("WWW-Authenticate", header("The authentication schemes the API takes.",
                "Basic realm=\"cart-evidence\", charset=\"UTF-8\""));
        components.getResponses().get("Unauthorized")
                .addHeader("WWW-Authenticate", OASFactory.createHeader().ref("#/components/headers/WWW-Authenticate"));
        components.addSecurityScheme("basicAuth", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("An account of the service's own user table (the curator account is set by "
                        + "CARTEVIDENCE_CURATOR_PASSWORD)."));
        components.addSecurityScheme("bearerAuth", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A JWT from the configured OpenID Connect provider; roles from its groups claim."));
        components.addHeader("ETag", header("The record's version as a strong entity tag; send it back in If-Match.",
                "\"3\""));
        components.addHeader("Location", header("URL of the created record.", "/api/v1/studies/101"));
        components.addHeader("Link", header("RFC 8288 links to the first, prev, next and last pages.",
                "</api/v1/studies?page=1&size=20>; rel=\"next\""));
        components.addParameter("IfMatch", precondition("If-Match",
                "Only act if the record is still at this version (its ETag); 412 otherwise."));
        components.addParameter("IfNoneMatch", precondition("If-None-Match",
                "Answer 304 without a body if the record is still at this version."));

        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    describe(path, method, operation);
                    sorts.apply(operation);
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        // in the order of their status codes, as a reader looks them up
                        operation.getResponses().setAPIResponses(
                                new TreeMap<>(operation.getResponses().getAPIResponses()));
                    }
                }));
        inputs.apply(openAPI);
        answers.apply(openAPI);
        Schemas.each(openAPI, OpenApiConventions::enumOfItems);
        Schemas.each(openAPI, schema -> {
            if ("\\S".equals(schema.getPattern())) { // the generator's pattern for @NotBlank
                schema.setPattern(Blank.VISIBLE);
            }
        });
        Schemas.sort(openAPI);
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (answersFhir(operation)) {
            fhir(path, operation);
            return;
        }
        if (operation.getParameters() != null) {
            // A query parameter named like a path parameter (a list filter reused under a parent) is the path's.
            List<String> inPath = operation.getParameters().stream()
                    .filter(p -> p.getIn() == Parameter.In.PATH).map(Parameter::getName).toList();
            operation.setParameters(new ArrayList<>(operation.getParameters().stream()
                    .filter(p -> p.getIn() != Parameter.In.QUERY || !inPath.contains(p.getName())).toList()));
        }
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        if (operation.getSecurity() == null) {
            // Reads are public (by default): declared explicitly, not left implicit.
            operation.setSecurity(write
                    ? List.of(OASFactory.createSecurityRequirement().addScheme("basicAuth", CURATOR),
                            OASFactory.createSecurityRequirement().addScheme("bearerAuth", CURATOR))
                    : new ArrayList<>());
        }
        if (operation.getRequestBody() != null) {
            exampleFiles(operation.getRequestBody().getContent());
            ndjsonExamplesAsText(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(r -> {
                exampleFiles(r.getContent());
                ndjsonExamplesAsText(r.getContent());
            });
        }
        boolean single = path.endsWith("}");
        boolean hasId = path.contains("{");
        problem(operation, "400", "BadRequest");
        problem(operation, "401", "Unauthorized");
        problem(operation, "403", "Forbidden");
        problem(operation, "406", "NotAcceptable");
        problem(operation, "414", "UriTooLong");
        if (hasId) {
            problem(operation, "404", "NotFound");
        }
        switch (method) {
            case GET -> {
                if (single) {
                    notModified(operation);
                    operation.addParameter(ref("IfNoneMatch"));
                    operation.addParameter(ref("IfMatch"));
                    problem(operation, "412", "PreconditionFailed");
                    header(operation, "200", "ETag");
                } else if (operation.getOperationId() != null && operation.getOperationId().startsWith("list")) {
                    header(operation, "200", "Link");
                }
                csv(operation);
            }
            case POST -> {
                bodyWrite(operation);
                header(operation, "201", "Location");
                header(operation, "201", "ETag");
            }
            case PUT, PATCH -> {
                operation.addParameter(ref("IfMatch"));
                problem(operation, "412", "PreconditionFailed");
                bodyWrite(operation);
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

    /** What a write with a body can be refused for, whether it creates or changes. */
    private static void bodyWrite(Operation operation) {
        problem(operation, "409", "Conflict");
        problem(operation, "413", "ContentTooLarge");
        problem(operation, "415", "UnsupportedMediaType");
        problem(operation, "422", "UnprocessableContent");
    }

    /** An operation of the FHIR face, known by what it answers (FHIR JSON), whatever its path. */
    private static boolean answersFhir(Operation operation) {
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        return ok != null && ok.getContent() != null && ok.getContent().getMediaType(FHIR_JSON) != null;
    }

    /** The FHIR face is read-only and public; its errors are OperationOutcome resources, with the usual codes. */
    private static void fhir(String path, Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
        if (path.contains("{")) {
            notModified(operation);
        }
        for (String status : path.contains("{") ? List.of("400", "401", "403", "404", "406")
                : List.of("400", "401", "403", "406")) {
            problem(operation, status, OPERATION_OUTCOME);
        }
    }

    /**
     * The generator writes the enumeration of a list ({@code @Schema(type = ARRAY, enumeration = ...)}) on the array,
     * where no value could match it; it belongs to the items.
     */
    private static void enumOfItems(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY)
                && schema.getEnumeration() != null && schema.getItems() != null
                && schema.getEnumeration().stream().noneMatch(List.class::isInstance)) {
            schema.getItems().setEnumeration(new ArrayList<>(schema.getEnumeration()));
            schema.setEnumeration(null);
        }
    }

    /**
     * A read that also answers CSV: its CSV is text (not the JSON schema the generator copies over), and the format
     * query parameter (see {@link FormatParameter}) chooses it without an Accept header.
     */
    private static void csv(Operation operation) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null || ok.getContent().getMediaType(Csv.MEDIA_TYPE) == null) {
            return;
        }
        org.eclipse.microprofile.openapi.models.media.MediaType csv = ok.getContent().getMediaType(Csv.MEDIA_TYPE);
        if (csv.getSchema() == null || csv.getSchema().getRef() != null || csv.getSchema().getType() == null
                || !csv.getSchema().getType().contains(Schema.SchemaType.STRING)) {
            csv.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .description("RFC 4180 CSV with a header row: the columns of the JSON answer's items, list "
                            + "items joined with ';', absent values empty."));
        }
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> FormatParameter.NAME.equals(p.getName()));
        if (!declared) {
            List<Object> formats = new ArrayList<>();
            ok.getContent().getMediaTypes().keySet().forEach(type -> FormatParameter.MEDIA_TYPES.forEach(
                    (name, mediaType) -> {
                        if (mediaType.equals(type)) {
                            formats.add(name);
                        }
                    }));
            formats.sort(java.util.Comparator.comparing(Object::toString));
            operation.addParameter(OASFactory.createParameter().name(FormatParameter.NAME).in(Parameter.In.QUERY)
                    .required(false).description("The answer's format; wins over the Accept header.")
                    .example("csv")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(formats)));
        }
    }

    /** Puts the text of each example that names a file (see {@link #EXAMPLE_FILE}) in its place. */
    private static void exampleFiles(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().values().forEach(mediaType -> {
            if (mediaType.getExamples() != null) {
                mediaType.getExamples().values().forEach(example -> {
                    if (example.getValue() instanceof String value && value.startsWith(EXAMPLE_FILE)) {
                        example.setValue(JsonIO.newInstance(OpenApiConfig.fromConfig(ConfigProvider.getConfig()))
                                .parseValue(exampleText(value)));
                    }
                });
            }
        });
    }

    /** The text of the file an example names (see {@link #EXAMPLE_FILE}). */
    public static String exampleText(String example) {
        if (!example.startsWith(EXAMPLE_FILE)) {
            throw new IllegalArgumentException("not an example file: " + example);
        }
        String resource = EXAMPLE_FOLDER + example.substring(EXAMPLE_FILE.length());
        try (InputStream in = OpenApiConventions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no example file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An NDJSON body is text, one JSON document per line, and its schema says string; but the generator parses an
     * example that is a single JSON line into an object. Written back as its line, the example is the body again.
     */
    private static void ndjsonExamplesAsText(Content content) {
        org.eclipse.microprofile.openapi.models.media.MediaType ndjson =
                content == null ? null : content.getMediaType(FormatParameter.NDJSON);
        if (ndjson == null || ndjson.getExamples() == null) {
            return;
        }
        ndjson.getExamples().values().forEach(example -> {
            if (example.getValue() != null && !(example.getValue() instanceof String)) {
                try {
                    example.setValue(new ObjectMapper().writeValueAsString(example.getValue()) + "\n");
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("an NDJSON example that is not JSON", e);
                }
            }
        });
    }

    /** A read of one record answers 304 to If-None-Match with its current version ({@link ETags#read}). */
    private static void notModified(Operation operation) {
        if (operation.getResponses().getAPIResponse("304") == null) {
            operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match names the current version."));
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
