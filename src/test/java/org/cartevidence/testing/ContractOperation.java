package org.cartevidence.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One operation of the committed contract, so that a test can cover every operation, present and future. */
public record ContractOperation(String method, String template, JsonNode operation) {

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z]+)/\\{[^}]+}");

    /** Every operation of {@code openapi/openapi.json}, in the document's order. */
    public static List<ContractOperation> all() {
        List<ContractOperation> all = new ArrayList<>();
        Contract.document().path("paths").fields().forEachRemaining(path -> path.getValue().fields()
                .forEachRemaining(op -> all.add(new ContractOperation(op.getKey(), path.getKey(), op.getValue()))));
        return all;
    }

    public boolean write() {
        return !method.equals("get") && !method.equals("head") && !method.equals("options");
    }

    /**
     * The path with each parameter replaced by the id given for the collection before it: {@code studies/{id}} and
     * {@code studies/{studyId}/cohorts} both take {@code ids.get("studies")}.
     */
    public String path(Map<String, ?> ids) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // FHIR's ResearchStudy/{id} is a study's id.
            Object id = ids.get(m.group(1).equals("ResearchStudy") ? "studies" : m.group(1));
            if (id == null) {
                throw new IllegalArgumentException("no id for " + m.group(1) + " in " + template);
            }
            m.appendReplacement(out, m.group(1) + "/" + id);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether this is an operation of the FHIR face, whose refusals are OperationOutcome resources. */
    public boolean fhir() {
        return template.startsWith("/api/v1/fhir/");
    }

    /** The media type of the request body, or null when the operation takes none. */
    public String requestMediaType() {
        Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
        return types.hasNext() ? types.next() : null;
    }

    /** The name of the request body's schema (e.g. StudyInput), or null. */
    public String requestSchema() {
        String type = requestMediaType();
        if (type == null) {
            return null;
        }
        String ref = operation.path("requestBody").path("content").path(type).path("schema").path("$ref").asText(null);
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The query parameters, with references resolved. */
    public List<JsonNode> queryParameters() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = parameter.has("$ref")
                    ? Contract.document().at(parameter.get("$ref").asText().substring(1)) : parameter;
            if ("query".equals(resolved.path("in").asText())) {
                out.add(resolved);
            }
        }
        return out;
    }

    public String operationId() {
        return operation.path("operationId").asText();
    }

    @Override
    public String toString() {
        return method.toUpperCase() + " " + template;
    }
}
