package org.cartevidence.outcome;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutcomeResourceTest extends ApiTest {

    @Test
    void anOutcomeIsCreatedUnderItsCohort() {
        long cohort = createCohort(createStudy(), cohort("A", 15));
        Map<String, Object> body = outcome("REMISSION", 12, 15);
        body.putAll(Map.of("definition", "LLDAS and DORIS", "timepointMonths", 2.8, "source", "abstract",
                "cohortId", 1, "version", 3));
        Response created = json().body(body).post("/api/v1/cohorts/{id}/outcomes", cohort);
        created.then().statusCode(201).header("ETag", "\"0\"").body("cohortId", equalTo((int) cohort))
                .body("events", equalTo(12)).body("timepointMonths", equalTo(2.8f)).body("version", equalTo(0));
        long id = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").endsWith("/api/v1/outcomes/" + id));
        given().get("/api/v1/outcomes/{id}", id).then().statusCode(200).body("definition", equalTo("LLDAS and DORIS"));
        json().body(outcome("REMISSION", 1, 1)).post("/api/v1/cohorts/{id}/outcomes", 987_654_321).then()
                .statusCode(404);
    }

    @Test
    void countsStayWithinTotalAndTheCohort() {
        long cohort = createCohort(createStudy(), cohort("A", 5));
        json().body(outcome("CRS_ANY", 4, 3)).post("/api/v1/cohorts/{id}/outcomes", cohort).then().statusCode(422)
                .body("errors[0].field", equalTo("events"));
        json().body(outcome("CRS_ANY", 1, 6)).post("/api/v1/cohorts/{id}/outcomes", cohort).then().statusCode(422)
                .body("errors[0].field", equalTo("total"));
        json().body(outcome("CRS_ANY", -1, 0)).post("/api/v1/cohorts/{id}/outcomes", cohort).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.contains("events", "total"));
        json().body(Map.of("measure", "CRS", "events", 1, "total", 2)).post("/api/v1/cohorts/{id}/outcomes", cohort)
                .then().statusCode(400).body("errors[0].field", equalTo("measure"));
        json().body(Map.of("events", 1, "total", 2)).post("/api/v1/cohorts/{id}/outcomes", cohort)
                .then().statusCode(422).body("errors[0].field", equalTo("measure"));
        given().get("/api/v1/cohorts/{id}/outcomes", cohort).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void putPatchAndDelete() {
        long cohort = createCohort(createStudy(), cohort("A", 10));
        long id = createOutcome(cohort, outcome("ICANS_ANY", 1, 10));
        Map<String, Object> current = given().get("/api/v1/outcomes/{id}", id).jsonPath().getMap("");
        current.put("events", 2);
        current.put("cohortId", 1);
        json().body(current).header("If-Match", "\"0\"").put("/api/v1/outcomes/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"").body("events", equalTo(2)).body("cohortId", equalTo((int) cohort));
        mergePatch().body("{\"timepointMonths\":6,\"definition\":\"any grade\"}").patch("/api/v1/outcomes/{id}", id)
                .then().statusCode(200).body("version", equalTo(2)).body("timepointMonths", equalTo(6.0f));
        mergePatch().body("{\"definition\":null,\"events\":11}").patch("/api/v1/outcomes/{id}", id)
                .then().statusCode(422).body("errors[0].field", equalTo("events"));
        mergePatch().body("{\"definition\":null}").patch("/api/v1/outcomes/{id}", id)
                .then().statusCode(200).body("definition", nullValue());
        curator().header("If-Match", "\"1\"").delete("/api/v1/outcomes/{id}", id).then().statusCode(412);
        curator().header("If-Match", "\"3\"").delete("/api/v1/outcomes/{id}", id).then().statusCode(204);
        given().get("/api/v1/outcomes/{id}", id).then().statusCode(404);
        curator().delete("/api/v1/outcomes/{id}", id).then().statusCode(404);
    }

    @Test
    void listsFilterByCohortAndMeasure() {
        long cohort = createCohort(createStudy(), cohort("A", 10));
        long remission = createOutcome(cohort, outcome("REMISSION", 8, 10));
        long crs = createOutcome(cohort, outcome("CRS_ANY", 6, 10));
        assertEquals(List.of(remission, crs), given().get("/api/v1/cohorts/{id}/outcomes", cohort).then()
                .statusCode(200).extract().jsonPath().getList("items.id", Long.class));
        assertEquals(List.of(crs), given().queryParam("cohortId", cohort).queryParam("measure", "CRS_ANY")
                .get("/api/v1/outcomes").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class));
        assertEquals(List.of(crs, remission), given().queryParam("cohortId", cohort).queryParam("sort", "events")
                .get("/api/v1/outcomes").jsonPath().getList("items.id", Long.class));
        given().get("/api/v1/cohorts/{id}/outcomes", 987_654_321).then().statusCode(404);
        given().queryParam("measure", "NOPE").get("/api/v1/outcomes").then().statusCode(400)
                .body("errors[0].field", equalTo("measure"));
    }

    @Test
    void measureDefinitionAndTimePointIdentifyAnOutcomeWithinItsCohort() {
        long study = createStudy();
        long cohort = createCohort(study, cohort("A", 10));
        long doris = createOutcome(cohort, remission(5, "DORIS", 6.0));
        long bare = createOutcome(cohort, remission(4, null, null));

        // The same three again, whatever the counts: refused, and the cohort keeps its two outcomes as they were.
        Map<String, Object> dorisBefore = read(doris);
        Map<String, Object> bareBefore = read(bare);
        duplicateOf(json().body(remission(7, "DORIS", 6.0)).post("/api/v1/cohorts/{id}/outcomes", cohort), doris);
        duplicateOf(json().body(remission(4, null, null)).post("/api/v1/cohorts/{id}/outcomes", cohort), bare);
        assertEquals(dorisBefore, read(doris));
        assertEquals(bareBefore, read(bare));
        assertEquals(List.of(doris, bare), outcomesOf(cohort));

        // One of the three differs (an absent definition or time point is a value of its own): another outcome.
        createOutcome(cohort, remission(5, "DORIS", 12.0));
        createOutcome(cohort, remission(5, "LLDAS", 6.0));
        createOutcome(cohort, remission(5, "DORIS", null));
        createOutcome(cohort, remission(5, null, 6.0));
        Map<String, Object> crs = remission(5, "DORIS", 6.0);
        crs.put("measure", "CRS_ANY");
        createOutcome(cohort, crs);
        // The same three in another cohort of the same study.
        createOutcome(createCohort(study, cohort("B", 10)), remission(5, "DORIS", 6.0));
        assertEquals(7, outcomesOf(cohort).size());
    }

    @Test
    void aReplaceOrPatchThatWouldRepeatAnotherOutcomeIsRefused() {
        long cohort = createCohort(createStudy(), cohort("A", 10));
        long sixMonths = createOutcome(cohort, remission(5, "DORIS", 6.0));
        long twelveMonths = createOutcome(cohort, remission(6, "DORIS", 12.0));
        long bare = createOutcome(cohort, remission(4, null, null));
        Map<String, Object> before = read(twelveMonths);

        Map<String, Object> replacement = new HashMap<>(before);
        replacement.put("timepointMonths", 6.0);
        duplicateOf(json().body(replacement).put("/api/v1/outcomes/{id}", twelveMonths), sixMonths);
        duplicateOf(mergePatch().body("{\"timepointMonths\":6}").patch("/api/v1/outcomes/{id}", twelveMonths),
                sixMonths);
        // A client that holds the current version is refused all the same: a conflict, not a stale precondition.
        duplicateOf(mergePatch().header("If-Match", "\"0\"").body("{\"timepointMonths\":6,\"events\":1}")
                .patch("/api/v1/outcomes/{id}", twelveMonths), sixMonths);
        // Absent equals absent: dropping the definition and the time point would repeat the bare outcome.
        duplicateOf(mergePatch().body("{\"definition\":null,\"timepointMonths\":null}")
                .patch("/api/v1/outcomes/{id}", twelveMonths), bare);
        assertEquals(before, read(twelveMonths));
        given().get("/api/v1/outcomes/{id}/history", twelveMonths).then().statusCode(200)
                .body("items.type", contains("CREATED"));

        // An outcome is never a duplicate of itself: its own values back, or new counts under the same three.
        Map<String, Object> own = read(sixMonths);
        json().body(own).header("If-Match", "\"0\"").put("/api/v1/outcomes/{id}", sixMonths).then().statusCode(200)
                .body("timepointMonths", equalTo(6.0f)).body("definition", equalTo("DORIS"));
        own.put("events", 7);
        json().body(own).put("/api/v1/outcomes/{id}", sixMonths).then().statusCode(200).body("events", equalTo(7));
        mergePatch().body("{\"timepointMonths\":6,\"definition\":\"DORIS\",\"events\":8}")
                .patch("/api/v1/outcomes/{id}", sixMonths).then().statusCode(200).body("events", equalTo(8));
        // Moving to three values no other outcome has is a change like any other.
        mergePatch().body("{\"timepointMonths\":24}").patch("/api/v1/outcomes/{id}", twelveMonths).then()
                .statusCode(200).body("timepointMonths", equalTo(24.0f));
        assertEquals(List.of(sixMonths, twelveMonths, bare), outcomesOf(cohort));
    }

    /** A remission outcome of 10 patients; a null definition or time point is left out of the body. */
    private static Map<String, Object> remission(int events, String definition, Double timepointMonths) {
        Map<String, Object> body = outcome("REMISSION", events, 10);
        if (definition != null) {
            body.put("definition", definition);
        }
        if (timepointMonths != null) {
            body.put("timepointMonths", timepointMonths);
        }
        return body;
    }

    /** An outcome as GET answers it, version included. */
    private static Map<String, Object> read(long id) {
        return given().get("/api/v1/outcomes/{id}", id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private static List<Long> outcomesOf(long cohort) {
        return given().get("/api/v1/cohorts/{id}/outcomes", cohort).then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
    }

    /** The refusal of a write that would repeat outcome {@code other} of the same cohort. */
    private static void duplicateOf(Response response, long other) {
        response.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:cart-evidence:problem:duplicate-outcome"))
                .body("detail", containsString("outcome " + other + " "))
                .body("errors.field", contains("measure"))
                .body("errors[0].message",
                        equalTo("another outcome of this cohort has the same measure, definition and timepointMonths"));
    }
}
