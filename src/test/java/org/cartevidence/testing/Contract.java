package org.cartevidence.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Holds every API answer a test receives to the committed contract ({@code openapi/openapi.json}): the operation
 * and its status code must be documented, documented headers present, and a JSON body valid against the documented
 * schema. Installed once for all tests by {@link ApiTest}; a test never has to remember it.
 */
public final class Contract implements Filter {

    static final Path DOCUMENT = Path.of("openapi", "openapi.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode OPENAPI = read();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        // A CORS preflight (OPTIONS) is answered by the HTTP layer for every path; it is not an operation.
        if (path.startsWith("/api/") && !request.getMethod().equalsIgnoreCase("OPTIONS")) {
            check(request.getMethod().toLowerCase(), path, response);
        }
        return response;
    }

    private void check(String method, String path, Response response) {
        String template = template(path);
        if (template == null) {
            if (response.statusCode() != 404) {
                throw new AssertionError(path + " is in no path of the contract but answered " + response.statusCode());
            }
            return;
        }
        JsonNode operation = OPENAPI.path("paths").path(template).path(method);
        if (operation.isMissingNode()) {
            if (response.statusCode() == 405) {
                checkNotAllowed(method, template, response);
                return;
            }
            throw new AssertionError("undocumented operation " + method.toUpperCase() + " " + template);
        }
        String status = Integer.toString(response.statusCode());
        String where = method.toUpperCase() + " " + template + " " + status;
        String pointer = "#/paths/" + escape(template) + "/" + method + "/responses/" + status;
        JsonNode documented = operation.path("responses").path(status);
        if (documented.isMissingNode()) {
            throw new AssertionError(where + " is not in the contract; body: " + response.asString());
        }
        while (documented.has("$ref")) {
            pointer = documented.get("$ref").asText();
            documented = OPENAPI.at(pointer.substring(1));
        }
        Iterator<String> headers = documented.path("headers").fieldNames();
        while (headers.hasNext()) {
            String header = headers.next();
            if (response.getHeader(header) == null) {
                throw new AssertionError(where + ": documented header " + header + " is missing");
            }
        }
        String body = response.asString();
        if (body == null || body.isEmpty()) {
            return;
        }
        String mediaType = response.getContentType().split(";")[0].strip();
        JsonNode content = documented.path("content").path(mediaType);
        if (content.isMissingNode()) {
            throw new AssertionError(where + ": media type " + mediaType + " is not in the contract");
        }
        if (mediaType.endsWith("json") && !mediaType.endsWith("ndjson") && content.has("schema")) {
            validate(pointer + "/content/" + escape(mediaType) + "/schema", body, where);
        }
    }

    /**
     * A method the contract does not list for a path is refused with problem details and an Allow header naming
     * exactly the contract's methods of that path (with HEAD beside GET, and OPTIONS).
     */
    private void checkNotAllowed(String method, String template, Response response) {
        String where = method.toUpperCase() + " " + template + " 405";
        List<String> expected = new ArrayList<>();
        JsonNode item = OPENAPI.path("paths").path(template);
        for (String m : List.of("get", "head", "post", "put", "patch", "delete", "options")) {
            if (item.has(m) || (m.equals("head") && item.has("get")) || m.equals("options")) {
                expected.add(m.toUpperCase());
            }
        }
        String allow = response.getHeader("Allow");
        if (allow == null || !List.of(allow.split(",\\s*")).equals(expected)) {
            throw new AssertionError(where + ": Allow is " + allow + ", the contract says " + expected);
        }
        if (!method.equals("head")) {
            if (!response.getContentType().startsWith("application/problem+json")) {
                throw new AssertionError(where + ": not problem details but " + response.getContentType());
            }
            validate("#/components/schemas/Problem", response.asString(), where);
        }
    }

    /**
     * While set (null stops it), {@code listener} receives every JSON answer that passed, with the pointer of its
     * schema in the contract.
     */
    public static void record(BiConsumer<String, JsonNode> listener) {
        recorder = listener;
    }

    private static volatile BiConsumer<String, JsonNode> recorder;

    /** Why {@code instance} is not valid against the component schema {@code name}; empty when it is. */
    public static Set<ValidationMessage> violations(String name, JsonNode instance) {
        return SHARED.schema("#/components/schemas/" + name).validate(instance);
    }

    private static final Contract SHARED = new Contract();

    private JsonSchema schema(String pointer) {
        return compiled.computeIfAbsent(pointer, p -> {
            ObjectNode root = OPENAPI.deepCopy();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.put("$ref", p);
            return SCHEMAS.getSchema(root);
        });
    }

    private void validate(String pointer, String body, String where) {
        JsonSchema schema = schema(pointer);
        try {
            JsonNode answer = MAPPER.readTree(body);
            Set<ValidationMessage> errors = schema.validate(answer);
            if (!errors.isEmpty()) {
                throw new AssertionError(where + " answered a body the contract does not allow: " + errors
                        + "\nbody: " + body);
            }
            BiConsumer<String, JsonNode> listener = recorder;
            if (listener != null) {
                listener.accept(pointer, answer);
            }
        } catch (IOException e) {
            throw new AssertionError(where + " answered JSON that does not parse: " + body, e);
        }
    }

    /** The contract's path template that a concrete path matches (fewest parameters wins), or null. */
    static String template(String path) {
        String best = null;
        Iterator<String> templates = OPENAPI.path("paths").fieldNames();
        while (templates.hasNext()) {
            String t = templates.next();
            if (path.matches(t.replaceAll("\\{[^/]+}", "[^/]+"))
                    && (best == null || t.chars().filter(c -> c == '{').count() < best.chars().filter(c -> c == '{').count())) {
                best = t;
            }
        }
        return best;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    public static JsonNode document() {
        return OPENAPI;
    }

    private static JsonNode read() {
        try {
            return MAPPER.readTree(DOCUMENT.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
