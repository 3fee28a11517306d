package org.cartevidence.pipeline;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.Race;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Imports and CRUD writes that reach one stored cohort at the same moment: the import locks the stored cohorts it
 * changes before it writes, and looks again at what it read, so the cohort never ends with two outcomes of the same
 * measure, definition and time point, nor with an outcome larger than its enrolled. A writer that loses the race is
 * refused with 409 (or sees the winner's outcome and updates it), never a 500.
 */
@QuarkusTest
class ConcurrentImportTest extends ApiTest {

    private static final int WRITERS = 8;

    @RepeatedTest(5)
    void importsAndCreationsAddOneOutcomeOnce() throws Exception {
        String key = uniqueKey("race");
        Map<String, Object> study = document(key, 10, List.of());
        curator().contentType("application/json").body(asJson(study)).post("/api/v1/import").then().statusCode(200);
        long cohort = cohortOf(key);
        Map<String, Object> withOutcome = document(key, 10, List.of(remission(3, 10)));
        List<Integer> statuses = Race.statuses(WRITERS, w -> w % 2 == 0
                ? curator().contentType("application/json").body(asJson(withOutcome)).post("/api/v1/import")
                : json().body(remission(4, 10)).post("/api/v1/cohorts/{id}/outcomes", cohort));
        assertTrue(Set.of(200, 201, 409).containsAll(statuses), "statuses: " + statuses);
        assertTrue(statuses.contains(200) || statuses.contains(201), "nobody won: " + statuses);
        assertEquals(1, given().get("/api/v1/cohorts/{id}/outcomes", cohort).then().statusCode(200).extract()
                .jsonPath().getInt("totalItems"), "one outcome at 6 months; statuses: " + statuses);
    }

    @RepeatedTest(5)
    void anImportedTotalNeverExceedsAnEnrolledShrunkAtTheSameMoment() throws Exception {
        String key = uniqueKey("race");
        curator().contentType("application/json").body(asJson(document(key, 10, List.of(remission(2, 4)))))
                .post("/api/v1/import").then().statusCode(200);
        long cohort = cohortOf(key);
        Map<String, Object> larger = document(key, 10, List.of(remission(3, 10)));
        List<Integer> statuses = Race.statuses(WRITERS, w -> w % 2 == 0
                ? curator().contentType("application/json").body(asJson(larger)).post("/api/v1/import")
                : mergePatch().body(Map.of("enrolled", 5)).patch("/api/v1/cohorts/{id}", cohort));
        assertTrue(Set.of(200, 409, 422).containsAll(statuses), "statuses: " + statuses);
        int enrolled = given().get("/api/v1/cohorts/{id}", cohort).then().statusCode(200).extract().jsonPath()
                .getInt("enrolled");
        List<Integer> totals = given().get("/api/v1/cohorts/{id}/outcomes", cohort).then().statusCode(200)
                .extract().jsonPath().getList("items.total", Integer.class);
        assertTrue(totals.stream().allMatch(total -> total <= enrolled),
                "totals " + totals + " within enrolled " + enrolled + "; statuses: " + statuses);
    }

    private static long cohortOf(String studyKey) {
        long studyId = given().queryParam("q", studyKey).get("/api/v1/studies").then().statusCode(200).extract()
                .jsonPath().getLong("items[0].id");
        return given().get("/api/v1/studies/{id}/cohorts", studyId).then().statusCode(200).extract()
                .jsonPath().getLong("items[0].id");
    }

    private static Map<String, Object> document(String key, int enrolled, List<Map<String, Object>> outcomes) {
        Map<String, Object> cohort = cohort("A", enrolled);
        cohort.put("outcomes", outcomes);
        Map<String, Object> study = study(key);
        study.put("cohorts", List.of(cohort));
        return study;
    }

    private static Map<String, Object> remission(int events, int total) {
        Map<String, Object> body = outcome("REMISSION", events, total);
        body.put("definition", "DORIS");
        body.put("timepointMonths", 6.0);
        return body;
    }
}
