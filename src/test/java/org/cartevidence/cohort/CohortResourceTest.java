package org.cartevidence.cohort;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
class CohortResourceTest extends ApiTest {

    @Test
    void aCohortIsCreatedUnderItsStudyAndCarriesTheStudyId() {
        long study = createStudy();
        Map<String, Object> body = cohort("SLE adults", 8);
        body.putAll(Map.of("female", 6, "medianAge", 33.5, "dose", "1x10^6/kg", "doseCellsPerKg", 1e6,
                "lymphodepletion", "fludarabine + cyclophosphamide", "medianFollowUpMonths", 15, "studyId", 1));
        Response created = json().body(body).post("/api/v1/studies/{id}/cohorts", study);
        created.then().statusCode(201).header("ETag", "\"0\"")
                .body("studyId", equalTo((int) study)).body("female", equalTo(6))
                .body("medianAge", equalTo(33.5f)).body("doseCellsPerKg", equalTo(1e6f));
        long id = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").endsWith("/api/v1/cohorts/" + id));
        given().get("/api/v1/cohorts/{id}", id).then().statusCode(200).header("ETag", "\"0\"")
                .body("label", equalTo("SLE adults"));

        json().body(cohort("x", 1)).post("/api/v1/studies/{id}/cohorts", 987_654_321).then().statusCode(404);
        given().get("/api/v1/cohorts/{id}", 987_654_321).then().statusCode(404);
    }

    @Test
    void invariantsAreValidated() {
        long study = createStudy();
        Map<String, Object> tooManyWomen = cohort("a", 3);
        tooManyWomen.put("female", 4);
        json().body(tooManyWomen).post("/api/v1/studies/{id}/cohorts", study).then().statusCode(422)
                .body("errors[0].field", equalTo("female"));
        json().body(Map.of("label", "", "disease", "SLE", "enrolled", 0)).post("/api/v1/studies/{id}/cohorts", study)
                .then().statusCode(422).body("errors.field", org.hamcrest.Matchers.contains("enrolled", "label"));
        json().body(Map.of("label", "b", "disease", "LUPUS", "enrolled", 2)).post("/api/v1/studies/{id}/cohorts", study)
                .then().statusCode(400).body("errors[0].field", equalTo("disease"))
                .body("errors[0].message", containsString("LUPUS_NEPHRITIS"));
        json().body(Map.of("label", "b", "disease", "SLE", "enrolled", "many")).post("/api/v1/studies/{id}/cohorts", study)
                .then().statusCode(400).body("errors[0].field", equalTo("enrolled"));
        Map<String, Object> missingLater = cohort("c", 2);
        missingLater.put("supersededBy", 987_654_321);
        json().body(missingLater).post("/api/v1/studies/{id}/cohorts", study).then().statusCode(422)
                .body("errors[0].field", equalTo("supersededBy"));
        given().get("/api/v1/studies/{id}/cohorts", study).then().body("totalItems", equalTo(0));
    }

    @Test
    void labelsAreUniqueWithinAStudyOnly() {
        long one = createStudy();
        long two = createStudy();
        createCohort(one, cohort("SLE", 2));
        json().body(cohort("SLE", 3)).post("/api/v1/studies/{id}/cohorts", one).then().statusCode(409)
                .body("errors[0].field", equalTo("label"));
        createCohort(two, cohort("SLE", 3));
    }

    @Test
    void supersessionCannotMakeACycle() {
        long study = createStudy();
        long later = createCohort(study, cohort("2024", 15));
        Map<String, Object> earlierBody = cohort("2022", 5);
        earlierBody.put("supersededBy", later);
        long earlier = createCohort(study, earlierBody);

        mergePatch().body(Map.of("supersededBy", earlier)).patch("/api/v1/cohorts/{id}", later).then()
                .statusCode(422).body("errors[0].field", equalTo("supersededBy"));
        mergePatch().body(Map.of("supersededBy", later)).patch("/api/v1/cohorts/{id}", later).then()
                .statusCode(422);
        mergePatch().body("{\"supersededBy\":null}").patch("/api/v1/cohorts/{id}", earlier).then()
                .statusCode(200).body("supersededBy", nullValue()).body("version", equalTo(1));
    }

    @Test
    void enrolledCannotDropBelowAnOutcomeTotal() {
        long study = createStudy();
        long cohort = createCohort(study, cohort("A", 10));
        createOutcome(cohort, outcome("CRS_ANY", 3, 9));
        mergePatch().body("{\"enrolled\":8}").patch("/api/v1/cohorts/{id}", cohort).then().statusCode(422)
                .body("errors[0].field", equalTo("enrolled"));
        mergePatch().body("{\"enrolled\":9}").patch("/api/v1/cohorts/{id}", cohort).then().statusCode(200)
                .body("enrolled", equalTo(9));
    }

    @Test
    void putReplacesAndTheStudyNeverChanges() {
        long study = createStudy();
        long other = createStudy();
        long id = createCohort(study, cohort("A", 4));
        Map<String, Object> current = given().get("/api/v1/cohorts/{id}", id).jsonPath().getMap("");
        current.put("studyId", other);
        current.put("notes", "checked against the paper");
        json().header("If-Match", "\"0\"").body(current).put("/api/v1/cohorts/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"").body("studyId", equalTo((int) study)).body("notes", containsString("checked"));
        json().header("If-Match", "\"0\"").body(current).put("/api/v1/cohorts/{id}", id).then().statusCode(412);
    }

    @Test
    void listsFilterByStudyAndDisease() {
        long study = createStudy();
        long sle = createCohort(study, cohort("SLE", 4));
        long ssc = createCohort(study, Map.of("label", "SSc", "disease", "SYSTEMIC_SCLEROSIS", "enrolled", 2));

        assertEquals(List.of(sle, ssc), given().get("/api/v1/studies/{id}/cohorts", study).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class));
        assertEquals(List.of(ssc), given().queryParam("disease", "SYSTEMIC_SCLEROSIS")
                .get("/api/v1/studies/{id}/cohorts", study).jsonPath().getList("items.id", Long.class));
        assertEquals(List.of(ssc, sle), given().queryParam("studyId", study).queryParam("sort", "-disease")
                .get("/api/v1/cohorts").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class));
        given().get("/api/v1/studies/{id}/cohorts", 987_654_321).then().statusCode(404);
        given().queryParam("studyId", "abc").get("/api/v1/cohorts").then().statusCode(400)
                .body("errors[0].field", equalTo("studyId"));
    }

    @Test
    void deleteIsRefusedWhileOutcomesOrLaterReportLinksExistUnlessCascaded() {
        long study = createStudy();
        long later = createCohort(study, cohort("later", 6));
        Map<String, Object> earlierBody = cohort("earlier", 3);
        earlierBody.put("supersededBy", later);
        long earlier = createCohort(study, earlierBody);
        long outcome = createOutcome(later, outcome("REMISSION", 5, 6));

        curator().delete("/api/v1/cohorts/{id}", later).then().statusCode(409)
                .body("detail", containsString("1 outcome")).body("detail", containsString(Long.toString(earlier)));
        curator().header("If-Match", "\"5\"").queryParam("cascade", true).delete("/api/v1/cohorts/{id}", later)
                .then().statusCode(412);
        curator().queryParam("cascade", true).delete("/api/v1/cohorts/{id}", later).then().statusCode(204);
        given().get("/api/v1/outcomes/{id}", outcome).then().statusCode(404);
        given().get("/api/v1/cohorts/{id}", earlier).then().body("supersededBy", nullValue())
                .body("version", equalTo(1));
        curator().delete("/api/v1/cohorts/{id}", earlier).then().statusCode(204);
        curator().delete("/api/v1/cohorts/{id}", earlier).then().statusCode(404);
    }
}
