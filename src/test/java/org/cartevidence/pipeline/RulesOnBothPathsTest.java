package org.cartevidence.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * Each record rule refused through the CRUD API and through the import gives the same field and the same message:
 * the import's field is the CRUD field behind the record's JSON pointer in its document (line given too).
 */
@QuarkusTest
class RulesOnBothPathsTest extends ApiTest {

    /** One error of a problem answer: the import's has its line, the CRUD API's none. */
    private record Error(Integer line, String field, String message) {
    }

    /** The only error of a refusal with this status. */
    private static Error onlyError(ValidatableResponse response, int status) {
        JsonPath problem = response.statusCode(status).extract().jsonPath();
        List<Map<String, Object>> errors = problem.getList("errors");
        assertEquals(1, errors.size(), () -> "one error expected: " + errors);
        Map<String, Object> e = errors.get(0);
        return new Error((Integer) e.get("line"), (String) e.get("field"), (String) e.get("message"));
    }

    private static ValidatableResponse importJson(Object documents) {
        return curator().contentType("application/json").accept("application/json").body(documents)
                .post("/api/v1/import").then();
    }

    private static Error importError(Object documents) {
        return onlyError(importJson(documents), 422);
    }

    /** The same rule: the import names the CRUD field inside the record at {@code pointer}, with the same message. */
    private static void assertSameRule(Error crud, Error imported, int line, String pointer) {
        assertEquals(null, crud.line(), "the CRUD API names no line");
        assertEquals(line, imported.line());
        assertEquals(pointer + "/" + crud.field(), imported.field());
        assertEquals(crud.message(), imported.message());
    }

    private static Map<String, Object> document(String key, List<Map<String, Object>> cohorts) {
        Map<String, Object> document = new HashMap<>(study(key));
        document.put("cohorts", cohorts);
        return document;
    }

    private static Map<String, Object> cohortWith(String label, int enrolled, Map<String, Object> extra,
            List<Map<String, Object>> outcomes) {
        Map<String, Object> cohort = cohort(label, enrolled);
        cohort.putAll(extra);
        cohort.put("outcomes", outcomes);
        return cohort;
    }

    private static Map<String, Object> laterReport(String studyKey, String label) {
        return Map.of("supersededBy", Map.of("studyKey", studyKey, "label", label));
    }

    @Test
    void femaleWithinEnrolled() {
        Map<String, Object> body = cohort("A", 3);
        body.put("female", 4);
        Error crud = onlyError(json().body(body).post("/api/v1/studies/{id}/cohorts", createStudy()).then(), 422);
        Error imported = importError(document(uniqueKey("rule-female"),
                List.of(cohortWith("A", 3, Map.of("female", 4), List.of()))));
        assertSameRule(crud, imported, 1, "/cohorts/0");
        assertEquals("female", crud.field());
    }

    @Test
    void enrolledCoversTheStoredOutcomes() {
        long cohort = createCohort(createStudy(), cohort("A", 10));
        createOutcome(cohort, outcome("REMISSION", 2, 8));
        Error crud = onlyError(json().body(cohort("A", 5)).put("/api/v1/cohorts/{id}", cohort).then(), 422);

        String key = uniqueKey("rule-enrolled");
        importJson(document(key, List.of(cohortWith("A", 10, Map.of(), List.of(outcome("REMISSION", 2, 8))))))
                .statusCode(200);
        // The stored outcome is not in the second document: only the stored data shows it.
        Error imported = importError(document(key, List.of(cohortWith("A", 5, Map.of(), List.of()))));
        assertSameRule(crud, imported, 1, "/cohorts/0");
        assertEquals("enrolled", crud.field());
    }

    @Test
    void theLaterReportExists() {
        Map<String, Object> body = cohort("A", 3);
        body.put("supersededBy", 987_654_321);
        Error crud = onlyError(json().body(body).post("/api/v1/studies/{id}/cohorts", createStudy()).then(), 422);
        Error imported = importError(document(uniqueKey("rule-later"),
                List.of(cohortWith("A", 3, laterReport(uniqueKey("nowhere"), "A"), List.of()))));
        assertSameRule(crud, imported, 1, "/cohorts/0");
        assertEquals("supersededBy", crud.field());
    }

    @Test
    void theLaterReportMakesNoCycle() {
        long study = createStudy();
        long a = createCohort(study, cohort("A", 3));
        Map<String, Object> b = cohort("B", 3);
        b.put("supersededBy", a);
        long bId = createCohort(study, b);
        Error crud = onlyError(mergePatch().body(Map.of("supersededBy", bId)).patch("/api/v1/cohorts/{id}", a).then(),
                422);

        String key = uniqueKey("rule-cycle");
        importJson(document(key, List.of(cohortWith("A", 3, Map.of(), List.of()),
                cohortWith("B", 3, laterReport(key, "A"), List.of())))).statusCode(200);
        // B, stored, names A; A now names B.
        Error imported = importError(document(key, List.of(cohortWith("A", 3, laterReport(key, "B"), List.of()))));
        assertSameRule(crud, imported, 1, "/cohorts/0");
        assertEquals("supersededBy", crud.field());
    }

    @Test
    void aCohortIsNotItsOwnLaterReport() {
        long a = createCohort(createStudy(), cohort("A", 3));
        Error crud = onlyError(mergePatch().body(Map.of("supersededBy", a)).patch("/api/v1/cohorts/{id}", a).then(),
                422);
        String key = uniqueKey("rule-self");
        Error imported = importError(document(key, List.of(cohortWith("A", 3, laterReport(key, "A"), List.of()))));
        assertSameRule(crud, imported, 1, "/cohorts/0");
    }

    @Test
    void labelUniqueWithinTheStudy() {
        long study = createStudy();
        createCohort(study, cohort("A", 3));
        Error crud = onlyError(json().body(cohort("A", 4)).post("/api/v1/studies/{id}/cohorts", study).then(), 409);
        Error imported = importError(document(uniqueKey("rule-label"),
                List.of(cohortWith("A", 3, Map.of(), List.of()), cohortWith("A", 4, Map.of(), List.of()))));
        assertSameRule(crud, imported, 1, "/cohorts/1");
        assertEquals("label", crud.field());
    }

    @Test
    void eventsWithinTotal() {
        long cohort = createCohort(createStudy(), cohort("A", 10));
        Error crud = onlyError(json().body(outcome("REMISSION", 5, 4)).post("/api/v1/cohorts/{id}/outcomes", cohort)
                .then(), 422);
        Error imported = importError(document(uniqueKey("rule-events"),
                List.of(cohortWith("A", 10, Map.of(), List.of(outcome("REMISSION", 5, 4))))));
        assertSameRule(crud, imported, 1, "/cohorts/0/outcomes/0");
        assertEquals("events", crud.field());
    }

    @Test
    void totalWithinTheCohortsEnrolled() {
        long cohort = createCohort(createStudy(), cohort("A", 10));
        Error crud = onlyError(json().body(outcome("REMISSION", 1, 12)).post("/api/v1/cohorts/{id}/outcomes", cohort)
                .then(), 422);
        Error imported = importError(document(uniqueKey("rule-total"),
                List.of(cohortWith("A", 10, Map.of(), List.of(outcome("REMISSION", 1, 12))))));
        assertSameRule(crud, imported, 1, "/cohorts/0/outcomes/0");
        assertEquals("total", crud.field());
    }

    @Test
    void outcomeKeyUniqueWithinTheCohort() {
        long cohort = createCohort(createStudy(), cohort("A", 10));
        createOutcome(cohort, outcome("REMISSION", 2, 8));
        Error crud = onlyError(json().body(outcome("REMISSION", 3, 9)).post("/api/v1/cohorts/{id}/outcomes", cohort)
                .then(), 409);
        Error imported = importError(document(uniqueKey("rule-outcome-key"), List.of(cohortWith("A", 10, Map.of(),
                List.of(outcome("REMISSION", 2, 8), outcome("REMISSION", 3, 9))))));
        assertSameRule(crud, imported, 1, "/cohorts/0/outcomes/1");
        assertEquals("measure", crud.field());
        assertEquals("another outcome of this cohort has the same measure, definition and timepointMonths",
                crud.message());
    }

    @Test
    void minusZeroMonthsIsTheTimePointOfZero() {
        long cohort = createCohort(createStudy(), cohort("A", 10));
        Map<String, Object> zero = outcome("REMISSION", 2, 8);
        zero.put("timepointMonths", 0.0);
        Map<String, Object> minusZero = outcome("REMISSION", 3, 9);
        minusZero.put("timepointMonths", -0.0);
        createOutcome(cohort, zero);
        Error crud = onlyError(json().body(minusZero).post("/api/v1/cohorts/{id}/outcomes", cohort).then(), 409);
        Error imported = importError(document(uniqueKey("rule-minus-zero"),
                List.of(cohortWith("A", 10, Map.of(), List.of(zero, minusZero)))));
        assertSameRule(crud, imported, 1, "/cohorts/0/outcomes/1");
    }

    @Test
    void studyKeyUnique() {
        String key = uniqueKey("rule-key");
        createStudy(study(key));
        Error crud = onlyError(json().body(study(key)).post("/api/v1/studies").then(), 409);
        String other = uniqueKey("rule-key");
        List<Object> documents = new ArrayList<>(List.of(document(other, List.of()), document(other, List.of())));
        Error imported = importError(documents);
        assertSameRule(crud, imported, 2, "");
        assertEquals("key", crud.field());
    }

    @Test
    void theFieldAnnotationsToo() {
        Error crud = onlyError(json().body(cohort("A", 0)).post("/api/v1/studies/{id}/cohorts", createStudy()).then(),
                422);
        Error imported = importError(document(uniqueKey("rule-annotation"),
                List.of(cohortWith("A", 0, Map.of(), List.of()))));
        assertSameRule(crud, imported, 1, "/cohorts/0");
        assertEquals("enrolled", crud.field());
    }
}
