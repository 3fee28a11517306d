package org.cartevidence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.Contract;
import org.cartevidence.testing.ContractOperation;
import org.junit.jupiter.api.Test;

/**
 * The contract's request bodies are what the service reads: a GET body is a valid PUT and PATCH body and is taken
 * back, a merge patch removes an optional field with null, and what the schemas refuse (an unknown field, a
 * required field removed) the service refuses too.
 */
@QuarkusTest
class InputContractTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One kind of record: where it lives, its input and merge-patch schemas, and a stored one with every field. */
    private record Kind(String path, String input, String patch, long id) {
    }

    private List<Kind> kinds() {
        long study = createStudy(everyStudyField(uniqueKey("inputs")));
        long later = createCohort(study, cohort("later report", 5));
        long cohort = createCohort(study, everyCohortField("every field", 5, later));
        long outcome = createOutcome(cohort, everyOutcomeField("REMISSION", 2, 4));
        return List.of(new Kind("/api/v1/studies/", "StudyInput", "StudyPatch", study),
                new Kind("/api/v1/cohorts/", "CohortInput", "CohortPatch", cohort),
                new Kind("/api/v1/outcomes/", "OutcomeInput", "OutcomePatch", outcome));
    }

    @Test
    void everyPatchTakesItsInputsMergePatch() {
        List<String> patches = new ArrayList<>();
        for (ContractOperation op : ContractOperation.all()) {
            if (op.method().equals("patch")) {
                assertEquals(JsonMergePatch.MEDIA_TYPE, op.requestMediaType(), op.toString());
                patches.add(op.requestSchema());
            }
        }
        assertEquals(List.of("CohortPatch", "OutcomePatch", "StudyPatch"), patches.stream().sorted().toList());
        JsonNode schemas = Contract.document().path("components").path("schemas");
        for (String patch : patches) {
            JsonNode input = schemas.path(patch.replace("Patch", "Input"));
            JsonNode schema = schemas.path(patch);
            assertFalse(schema.has("required"), patch + " requires a field");
            assertEquals(names(input.path("properties")), names(schema.path("properties")), patch);
        }
    }

    @Test
    void everyRequestBodyIsClosed() {
        List<String> open = new ArrayList<>();
        for (ContractOperation op : ContractOperation.all()) {
            op.operation().path("requestBody").path("content").forEach(media -> closed(media.path("schema"),
                    op.toString(), open, new HashSet<>()));
        }
        assertEquals(List.of(), open, "object schemas of request bodies without additionalProperties: false");
    }

    private static void closed(JsonNode schema, String where, List<String> open, Set<String> seen) {
        if (schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (seen.add(ref)) {
                closed(Contract.document().at(ref.substring(1)), ref, open, seen);
            }
            return;
        }
        if (schema.has("properties") && !schema.path("additionalProperties").isBoolean()
                || schema.path("additionalProperties").asBoolean(false)) {
            open.add(where);
        }
        schema.path("properties").forEach(property -> closed(property, where, open, seen));
        closed(schema.path("items"), where, open, seen);
        for (String either : List.of("anyOf", "oneOf", "allOf")) {
            schema.path(either).forEach(branch -> closed(branch, where, open, seen));
        }
    }

    @Test
    void aGetBodyIsAValidPutAndPatchBodyAndIsTakenBack() throws Exception {
        for (Kind kind : kinds()) {
            JsonNode stored = JSON.readTree(given().get(kind.path() + kind.id()).then().statusCode(200)
                    .extract().asString());
            assertEquals(Set.of(), Contract.violations(kind.input(), stored), kind.input());
            assertEquals(Set.of(), Contract.violations(kind.patch(), stored), kind.patch());
            JsonNode replaced = JSON.readTree(json().header("If-Match", "\"" + stored.get("version").asText() + "\"")
                    .body(stored.toString()).put(kind.path() + kind.id()).then().statusCode(200).extract().asString());
            ObjectNode expected = stored.deepCopy();
            expected.remove(List.of("version", "updatedAt"));
            ObjectNode actual = replaced.deepCopy();
            actual.remove(List.of("version", "updatedAt"));
            assertEquals(expected, actual, kind.path());
        }
    }

    @Test
    void nullRemovesEveryOptionalFieldThePatchSchemaAllows() throws Exception {
        for (Kind kind : kinds()) {
            JsonNode input = Contract.document().path("components").path("schemas").path(kind.input());
            Set<String> required = new HashSet<>();
            input.path("required").forEach(name -> required.add(name.asText()));
            ObjectNode patch = JSON.createObjectNode();
            input.path("properties").fields().forEachRemaining(field -> {
                if (!required.contains(field.getKey()) && !field.getValue().path("readOnly").asBoolean()) {
                    patch.putNull(field.getKey());
                }
            });
            assertFalse(patch.isEmpty(), kind.input());
            assertEquals(Set.of(), Contract.violations(kind.patch(), patch), kind.patch());
            JsonNode patched = JSON.readTree(mergePatch().body(patch.toString()).patch(kind.path() + kind.id())
                    .then().statusCode(200).extract().asString());
            patch.fieldNames().forEachRemaining(field -> assertTrue(!patched.has(field)
                    || patched.get(field).isArray() && patched.get(field).isEmpty(), kind.path() + ": " + field));
        }
    }

    @Test
    void whatThePatchSchemaRefusesTheServiceRefuses() {
        for (Kind kind : kinds()) {
            JsonNode input = Contract.document().path("components").path("schemas").path(kind.input());
            String requiredField = input.path("required").get(0).asText();
            ObjectNode removesRequired = JSON.createObjectNode().putNull(requiredField);
            assertFalse(Contract.violations(kind.patch(), removesRequired).isEmpty(), kind.patch());
            mergePatch().body(removesRequired.toString()).patch(kind.path() + kind.id()).then().statusCode(422);

            ObjectNode unknown = JSON.createObjectNode().put("colour", "blue");
            assertFalse(Contract.violations(kind.patch(), unknown).isEmpty(), kind.patch());
            assertFalse(Contract.violations(kind.input(), unknown).isEmpty(), kind.input());
            mergePatch().body(unknown.toString()).patch(kind.path() + kind.id()).then().statusCode(400);
        }
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new java.util.TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given();
    }
}
