package org.cartevidence.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.ContractOperation;
import org.junit.jupiter.api.Test;

/** Each list's sort parameter documents exactly the fields the service sorts that list by, with an example it takes. */
@QuarkusTest
class SortContractTest extends ApiTest {

    @Test
    void everyListTakesItsDocumentedSortFieldsAndItsExampleAndRefusesOthersNamingTheSame() {
        long study = createStudy();
        Map<String, Long> ids = Map.of("studies", study, "cohorts", createCohort(study, cohort("sorted", 3)));
        List<String> lists = new ArrayList<>();
        for (ContractOperation op : ContractOperation.all()) {
            JsonNode sort = op.queryParameters().stream().filter(p -> p.path("name").asText().equals("sort"))
                    .findFirst().orElse(null);
            if (sort == null || op.fhir()) { // FHIR's refusals are OperationOutcome resources: FhirTest
                continue;
            }
            lists.add(op.operationId());
            String path = op.path(ids);
            assertEquals("form", sort.path("style").asText(), op.toString());
            assertEquals(false, sort.path("explode").asBoolean(true), op.toString());
            TreeSet<String> fields = new TreeSet<>();
            for (JsonNode value : sort.path("schema").path("items").path("enum")) {
                given().queryParam("sort", value.asText()).get(path).then().statusCode(200);
                if (!value.asText().startsWith("-")) {
                    fields.add(value.asText());
                }
            }
            List<String> example = new ArrayList<>();
            sort.path("example").forEach(value -> example.add(value.asText()));
            assertTrue(!example.isEmpty(), op + " has no sort example");
            given().queryParam("sort", String.join(",", example)).get(path).then().statusCode(200);
            String refusal = given().queryParam("sort", "colour").get(path).then().statusCode(400)
                    .extract().jsonPath().getString("errors[0].message");
            assertEquals("cannot sort by 'colour'; sortable fields: " + String.join(", ", fields), refusal,
                    op.toString());
        }
        assertEquals(List.of("listCohortOutcomes", "listCohorts", "listOutcomes", "listStudies", "listStudyCohorts"),
                lists.stream().sorted().toList());
    }
}
