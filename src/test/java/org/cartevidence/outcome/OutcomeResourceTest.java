package org.cartevidence.outcome;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
}
