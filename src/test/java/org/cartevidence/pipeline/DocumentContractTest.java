package org.cartevidence.pipeline;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cartevidence.api.FormatParameter;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.Contract;
import org.junit.jupiter.api.Test;

/**
 * The contract's StudyDocument is what the export writes and the import reads: the inputs' fields with their parts,
 * every exported line valid against it, and what it refuses the import refuses too.
 */
@QuarkusTest
class DocumentContractTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SCHEMAS = Contract.document().path("components").path("schemas");

    @Test
    void aDocumentIsTheInputsWithTheirParts() {
        Set<String> study = names(SCHEMAS.path("StudyInput"));
        study.add("cohorts");
        assertEquals(study, names(SCHEMAS.path(DocumentSchemas.STUDY)));
        Set<String> cohort = names(SCHEMAS.path("CohortInput"));
        cohort.add("outcomes");
        assertEquals(cohort, names(SCHEMAS.path(DocumentSchemas.COHORT)));
        assertEquals("#/components/schemas/" + DocumentSchemas.REFERENCE,
                SCHEMAS.path(DocumentSchemas.COHORT).path("properties").path("supersededBy").path("$ref").asText());
        JsonNode operation = Contract.document().path("paths").path("/api/v1/import").path("post");
        for (String type : List.of("application/json", FormatParameter.NDJSON)) {
            assertTrue(operation.path("requestBody").path("content").path(type).toString()
                    .contains("#/components/schemas/" + DocumentSchemas.STUDY), type);
        }
        assertTrue(Contract.document().path("paths").path("/api/v1/export").path("get").path("responses").path("200")
                .path("content").path(FormatParameter.NDJSON).toString()
                .contains("#/components/schemas/" + DocumentSchemas.STUDY));
    }

    @Test
    void everyExportedLineAndTheExamplesAreStudyDocuments() throws Exception {
        String export = given().accept(FormatParameter.NDJSON).get("/api/v1/export").then().statusCode(200)
                .extract().asString();
        List<String> lines = export.lines().toList();
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            assertEquals(Set.of(), Contract.violations(DocumentSchemas.STUDY, JSON.readTree(line)), line);
        }
        assertEquals(Set.of(), Contract.violations(DocumentSchemas.STUDY, JSON.readTree(Examples.text(Examples.NDJSON))));
        for (JsonNode document : JSON.readTree(Examples.text(Examples.JSON))) {
            assertEquals(Set.of(), Contract.violations(DocumentSchemas.STUDY, document));
        }
    }

    @Test
    void whatTheDocumentSchemaRefusesTheImportRefuses() throws Exception {
        ObjectNode valid = (ObjectNode) JSON.readTree(Examples.text(Examples.NDJSON));
        valid.put("key", uniqueKey("document"));
        ObjectNode cohort = (ObjectNode) valid.path("cohorts").get(0);
        cohort.putObject("supersededBy").put("studyKey", valid.get("key").asText()).put("label", "later");
        ((com.fasterxml.jackson.databind.node.ArrayNode) valid.path("cohorts")).addObject()
                .put("label", "later").put("disease", "SLE").put("enrolled", 5);
        assertEquals(Set.of(), Contract.violations(DocumentSchemas.STUDY, valid));
        importing(valid).statusCode(200);

        for (String where : List.of("", "/cohorts/0", "/cohorts/0/outcomes/0", "/cohorts/0/supersededBy")) {
            ObjectNode document = valid.deepCopy();
            ((ObjectNode) document.at(where)).put("colour", "red");
            assertFalse(Contract.violations(DocumentSchemas.STUDY, document).isEmpty(), where);
            importing(document).statusCode(422);
        }
        ObjectNode noLabel = valid.deepCopy();
        ((ObjectNode) noLabel.at("/cohorts/0/supersededBy")).remove("label");
        assertFalse(Contract.violations(DocumentSchemas.STUDY, noLabel).isEmpty());
        importing(noLabel).statusCode(422);
    }

    private static io.restassured.response.ValidatableResponse importing(JsonNode document) {
        return curator().contentType(FormatParameter.NDJSON).accept("application/json").body(document + "\n")
                .post("/api/v1/import?dryRun=true").then();
    }

    private static Set<String> names(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
