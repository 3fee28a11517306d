package org.cartevidence.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.Contract;
import org.junit.jupiter.api.Test;

/**
 * The answers' schemas are exact about presence: the test asks for every kind of answer in its sparse and its full
 * form, and requires that each field of each answer schema appeared, and that each field the schema leaves optional
 * was left out at least once. A field that is always there but not required, or required but sometimes missing (the
 * {@link Contract} check of every answer), fails it.
 */
@QuarkusTest
class AnswerShapesTest extends ApiTest {

    /** Per answer schema and field: whether it was seen present, and absent. */
    private final Map<String, Map<String, boolean[]>> seen = new TreeMap<>();

    @Test
    void everyFieldOfEveryAnswerIsSeenAndEveryOptionalOneIsSometimesAbsent() {
        Contract.record(this::observe);
        try {
            askForEveryShape();
        } finally {
            Contract.record(null);
        }
        JsonNode schemas = Contract.document().path("components").path("schemas");
        List<String> problems = new ArrayList<>();
        for (String name : answerSchemas()) {
            JsonNode schema = schemas.get(name);
            Map<String, boolean[]> fields = seen.get(name);
            if (fields == null) {
                problems.add(name + ": in no answer of this test");
                continue;
            }
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(field -> required.add(field.asText()));
            schema.path("properties").fieldNames().forEachRemaining(field -> {
                boolean[] presence = fields.getOrDefault(field, new boolean[2]);
                if (!presence[0]) {
                    problems.add(name + "." + field + ": never present");
                }
                if (!presence[1] && !required.contains(field)) {
                    problems.add(name + "." + field + ": always present, but not required");
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    private void askForEveryShape() {
        String key = uniqueKey("shapes");

        // The records, sparse and with every field, one by one, in lists and in their histories.
        long sparseStudy = createStudy(study(key + "-sparse"));
        long study = createStudy(everyStudyField(key));
        long sparseCohort = createCohort(study, cohort("sparse", 5));
        long cohort = createCohort(study, everyCohortField("every field", 5, sparseCohort));
        long sparseOutcome = createOutcome(cohort, outcome("REMISSION", 1, 4));
        long outcome = createOutcome(cohort, everyOutcomeField("RESPONSE", 2, 4));
        for (String path : List.of("studies/" + sparseStudy, "studies/" + study, "cohorts/" + sparseCohort,
                "cohorts/" + cohort, "outcomes/" + sparseOutcome, "outcomes/" + outcome)) {
            given().get("/api/v1/" + path).then().statusCode(200);
            given().get("/api/v1/" + path + "/history").then().statusCode(200);
        }
        given().queryParam("q", key).get("/api/v1/studies").then().statusCode(200);
        given().get("/api/v1/studies/{id}/cohorts", study).then().statusCode(200);
        given().get("/api/v1/cohorts/{id}/outcomes", cohort).then().statusCode(200);

        // Problems: without errors, with errors of a body, with errors of an import's lines.
        given().get("/api/v1/studies/987654321").then().statusCode(404);
        json().body(Map.of("key", "Not A Slug")).post("/api/v1/studies").then().statusCode(422);
        Map<String, Object> document = study(key + "-import");
        document.put("title", "");
        curator().contentType("application/x-ndjson").body(asJson(document) + "\n")
                .post("/api/v1/import?dryRun=true").then().statusCode(422);
        document.put("title", "Imported");
        curator().contentType("application/x-ndjson").body(asJson(document) + "\n")
                .post("/api/v1/import?dryRun=true").then().statusCode(200);
        given().get("/api/v1/version").then().statusCode(200);
        given().get("/api/v1/evidence/summary").then().statusCode(200);

        // Pooling: three autologous cohorts (one without a time point) and one allogeneic cohort of a study without
        // a publication year in which every patient had the outcome.
        String pooling = "Pooling " + key;
        pooledCohort(pooling, "AUTOLOGOUS", 2020, 5, 10, 6.0);
        pooledCohort(pooling, "AUTOLOGOUS", 2021, 7, 10, null);
        pooledCohort(pooling, "AUTOLOGOUS", 2022, 3, 8, 6.0);
        pooledCohort(pooling, "ALLOGENEIC", null, 4, 4, 6.0);
        evidence("pooled", pooling);
        // The allogeneic group is one cohort (exact-binomial), and the GLMM's subgroup test leaves it out.
        evidence("pooled", pooling, "groupBy", "cellSource");
        evidence("pooled", pooling, "groupBy", "cellSource", "method", "inverse-variance", "ci", "t");
        evidence("pooled", pooling, "groupBy", "cellSource", "method", "inverse-variance", "ci", "wald");
        evidence("pooled", pooling, "model", "fixed", "timepointMonths", "6", "cohorts", "false");
        evidence("cumulative", pooling);
        evidence("leave-one-out", pooling, "groupBy", "cellSource", "model", "fixed", "timepointMonths", "6");

        // Meta-regression: two levels of cell source; one cohort has neither a year nor a time point.
        String regression = "Regression " + key;
        pooledCohort(regression, "AUTOLOGOUS", 2020, 5, 10, 6.0);
        pooledCohort(regression, "AUTOLOGOUS", 2021, 7, 10, 6.0);
        pooledCohort(regression, "ALLOGENEIC", 2022, 3, 8, 6.0);
        pooledCohort(regression, "ALLOGENEIC", 2023, 6, 9, 6.0);
        pooledCohort(regression, "AUTOLOGOUS", null, 4, 12, null);
        evidence("regression", regression, "moderators", "cellSource");
        evidence("regression", regression, "moderators", "cellSource,publicationYear", "method", "inverse-variance",
                "ci", "t", "timepointMonths", "6");
        evidence("regression", regression, "moderators", "cellSource", "method", "inverse-variance",
                "model", "fixed");
        // Cohorts that agree exactly within each level: Hartung-Knapp's scale is 0 and the omnibus test undefined.
        String exact = "Exact fit " + key;
        pooledCohort(exact, "AUTOLOGOUS", 2020, 5, 10, null);
        pooledCohort(exact, "AUTOLOGOUS", 2021, 5, 10, null);
        pooledCohort(exact, "ALLOGENEIC", 2022, 3, 10, null);
        pooledCohort(exact, "ALLOGENEIC", 2023, 3, 10, null);
        evidence("regression", exact, "moderators", "cellSource", "method", "inverse-variance",
                "ci", "hartung-knapp");
    }

    /** A study in {@code country} with one cohort and its remission outcome. */
    private static void pooledCohort(String country, String cellSource, Integer year, int events, int total,
            Double timepointMonths) {
        Map<String, Object> study = study(uniqueKey("shape"));
        study.put("countries", List.of(country));
        study.put("cellSource", cellSource);
        if (year != null) {
            study.put("publicationYear", year);
        }
        long cohort = createCohort(createStudy(study), cohort("cohort", total));
        Map<String, Object> outcome = outcome("REMISSION", events, total);
        if (timepointMonths != null) {
            outcome.put("timepointMonths", timepointMonths);
        }
        createOutcome(cohort, outcome);
    }

    private static void evidence(String analysis, String country, String... parameters) {
        var request = given().queryParam("measure", "REMISSION").queryParam("country", country)
                .accept("application/json");
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        request.get("/api/v1/evidence/" + analysis).then().statusCode(200);
    }

    private void observe(String pointer, JsonNode answer) {
        walk(Contract.document().at(pointer.substring(1)), answer, null);
    }

    /** Notes which fields of each named schema {@code value} has, and goes on into the values of those fields. */
    private void walk(JsonNode schema, JsonNode value, String name) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            walk(Contract.document().at(ref.substring(1)), value, ref.substring(ref.lastIndexOf('/') + 1));
            return;
        }
        if (value.isArray()) {
            value.forEach(item -> walk(schema.path("items"), item, null));
        }
        if (value.isObject() && name != null) {
            Map<String, boolean[]> fields = seen.computeIfAbsent(name, n -> new TreeMap<>());
            schema.path("properties").fields().forEachRemaining(field -> {
                boolean present = value.has(field.getKey());
                fields.computeIfAbsent(field.getKey(), f -> new boolean[2])[present ? 0 : 1] = true;
                if (present) {
                    walk(field.getValue(), value.get(field.getKey()), null);
                }
            });
        }
    }

    /** The object schemas of the components that only answers use. */
    private static Set<String> answerSchemas() {
        Set<String> inputs = new HashSet<>();
        Contract.document().path("paths").forEach(path -> path.forEach(operation -> operation.path("requestBody")
                .path("content").forEach(media -> references(media.path("schema"), inputs))));
        Set<String> answers = new java.util.TreeSet<>();
        Contract.document().path("components").path("schemas").fields().forEachRemaining(schema -> {
            // FHIR's OperationOutcome is a FHIR resource, not one of the service's records: FhirTest validates it.
            if (schema.getValue().has("properties") && !inputs.contains(schema.getKey())
                    && !schema.getKey().equals("OperationOutcome")) {
                answers.add(schema.getKey());
            }
        });
        return answers;
    }

    private static void references(JsonNode schema, Set<String> names) {
        if (schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (names.add(ref.substring(ref.lastIndexOf('/') + 1))) {
                references(Contract.document().at(ref.substring(1)), names);
            }
        }
        schema.path("properties").forEach(property -> references(property, names));
        references(schema.path("items"), names);
        for (String either : List.of("anyOf", "oneOf", "allOf")) {
            schema.path(either).forEach(branch -> references(branch, names));
        }
    }
}
