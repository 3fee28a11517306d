package org.cartevidence.reference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.cartevidence.api.ApiException;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

/** The published studies are loaded at start, with their numbers and their overlaps, and only once. */
@QuarkusTest
class ReferenceDataTest extends ApiTest {

    @Inject
    ReferenceDataLoader loader;

    @Test
    void everyReferenceStudyIsLoadedWithItsCohortsAndOutcomes() throws Exception {
        com.fasterxml.jackson.databind.node.ArrayNode documents = new ObjectMapper().createArrayNode();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ReferenceDataLoader.RESOURCE)) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                documents.add(new ObjectMapper().readTree(line));
            }
        }
        assertEquals(24, documents.size());
        int cohorts = 0;
        for (JsonNode document : documents) {
            JsonPath study = given().queryParam("q", document.get("key").asText()).get("/api/v1/studies").jsonPath();
            List<Map<String, Object>> matches = study.getList("items.findAll { it.key == '" + document.get("key").asText() + "' }");
            assertEquals(1, matches.size(), document.get("key").asText());
            Map<String, Object> stored = matches.get(0);
            assertEquals(document.get("title").asText(), stored.get("title"));
            assertEquals(document.get("sourceType").asText(), stored.get("sourceType"));
            assertEquals(document.path("doi").isMissingNode() ? null : document.get("doi").asText(), stored.get("doi"));
            long id = ((Number) stored.get("id")).longValue();
            JsonPath storedCohorts = given().queryParam("size", 100).get("/api/v1/studies/{id}/cohorts", id).jsonPath();
            assertEquals(document.get("cohorts").size(), storedCohorts.getInt("totalItems"));
            for (JsonNode cohort : document.get("cohorts")) {
                Map<String, Object> storedCohort = storedCohorts.getMap("items.find { it.label == '" + cohort.get("label").asText() + "' }");
                assertEquals(cohort.get("enrolled").asInt(), storedCohort.get("enrolled"));
                long cohortId = ((Number) storedCohort.get("id")).longValue();
                List<Map<String, Object>> outcomes = given().get("/api/v1/cohorts/{id}/outcomes", cohortId).jsonPath()
                        .getList("items");
                assertEquals(cohort.get("outcomes").size(), outcomes.size(), cohort.get("label").asText());
                for (JsonNode outcome : cohort.get("outcomes")) {
                    assertTrue(outcomes.stream().anyMatch(o -> o.get("measure").equals(outcome.get("measure").asText())
                            && o.get("events").equals(outcome.get("events").asInt())
                            && o.get("total").equals(outcome.get("total").asInt())), outcome.toString());
                }
                cohorts++;
            }
        }
        assertEquals(28, cohorts);
    }

    @Test
    void theOverlapsOfNotesMdAreMarkedAsSupersession() {
        long muellerSle = cohortId("mueller-2024-nejm", "SLE");
        for (String earlier : List.of("mackensen-2022-nat-med", "mougiakakos-2021-nejm")) {
            long studyId = studyId(earlier);
            given().get("/api/v1/studies/{id}/cohorts", studyId).then().statusCode(200)
                    .body("items[0].supersededBy", equalTo((int) muellerSle));
        }
        long chahin = given().get("/api/v1/studies/{id}/cohorts", studyId("chahin-2025-ann-clin-transl-neurol"))
                .jsonPath().getLong("items[0].id");
        given().get("/api/v1/studies/{id}/cohorts", studyId("granit-2023-lancet-neurol")).then()
                .body("items[0].supersededBy", equalTo((int) chahin));
    }

    @Test
    void blanksInTheSourceStayAbsent() {
        // Mueller 2024 reports no per-disease CRS counts: no CRS_ANY outcome, never a zero.
        long muellerSle = cohortId("mueller-2024-nejm", "SLE");
        given().queryParam("cohortId", muellerSle).queryParam("measure", "CRS_ANY").get("/api/v1/outcomes").then()
                .body("totalItems", equalTo(0));
        Map<String, Object> cohort = given().get("/api/v1/cohorts/{id}", muellerSle).jsonPath().getMap("");
        assertNull(cohort.get("female"));
    }

    @Test
    void loadingAgainIntoANonEmptyDatabaseDoesNothing() {
        assertEquals(0, loader.loadIfEmpty());
    }

    @Test
    void aLoadThatFailsOnItsLastCohortLeavesNoTraceOfTheStudiesBeforeIt() throws Exception {
        String first = uniqueKey("atomic-first");
        String second = uniqueKey("atomic-second");
        Map<String, Object> sle = cohort("SLE", 5);
        sle.put("disease", "SLE");
        sle.put("outcomes", List.of(outcome("REMISSION", 5, 5)));
        Map<String, Object> loadedFirst = study(first);
        loadedFirst.putAll(Map.of("title", "Loaded first", "countries", List.of("Germany"), "cohorts", List.of(sle)));
        // More women than patients: the last cohort of the load is refused.
        Map<String, Object> ssc = cohort("SSc", 3);
        ssc.putAll(Map.of("disease", "SYSTEMIC_SCLEROSIS", "female", 4));
        Map<String, Object> loadedSecond = study(second);
        loadedSecond.putAll(Map.of("title", "Loaded second", "cohorts", List.of(ssc)));
        JsonNode documents = new ObjectMapper().valueToTree(List.of(loadedFirst, loadedSecond));
        long studies = given().get("/api/v1/studies?size=1").jsonPath().getLong("totalItems");
        long cohorts = given().get("/api/v1/cohorts?size=1").jsonPath().getLong("totalItems");
        long outcomes = given().get("/api/v1/outcomes?size=1").jsonPath().getLong("totalItems");

        ApiException refused = assertThrows(ApiException.class, () -> loader.load(documents));
        assertEquals(422, refused.getResponse().getStatus());

        for (String key : List.of(first, second)) {
            given().queryParam("q", key).get("/api/v1/studies").then().body("totalItems", equalTo(0));
        }
        given().get("/api/v1/studies?size=1").then().body("totalItems", equalTo((int) studies));
        given().get("/api/v1/cohorts?size=1").then().body("totalItems", equalTo((int) cohorts));
        given().get("/api/v1/outcomes?size=1").then().body("totalItems", equalTo((int) outcomes));
    }

    private static long studyId(String key) {
        return given().queryParam("q", key).get("/api/v1/studies").jsonPath()
                .getLong("items.find { it.key == '" + key + "' }.id");
    }

    private static long cohortId(String studyKey, String label) {
        return given().get("/api/v1/studies/{id}/cohorts", studyId(studyKey)).jsonPath()
                .getLong("items.find { it.label == '" + label + "' }.id");
    }
}
