package org.cartevidence.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cartevidence.reference.ReferenceDataLoader;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

/** Every change of a study, cohort or outcome is recorded with who made it, when, and the values it left. */
@QuarkusTest
class HistoryTest extends ApiTest {

    @Test
    void aStudyHistoryListsEachRevisionWithItsAuthorTimeAndValues() {
        Instant start = Instant.now().minusSeconds(1);
        Map<String, Object> body = study(uniqueKey("history"));
        body.putAll(Map.of("countries", List.of("Germany"), "registryIds", List.of("NCT05859997")));
        long id = createStudy(body);
        mergePatch().body("{\"title\":\"Second title\",\"countries\":[\"Germany\",\"Italy\"],\"registryIds\":null}")
                .patch("/api/v1/studies/{id}", id).then().statusCode(200);
        curator().delete("/api/v1/studies/{id}", id).then().statusCode(204);

        JsonPath history = given().get("/api/v1/studies/{id}/history", id).then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.type", contains("CREATED", "UPDATED", "DELETED"))
                .body("items.author", everyItem(equalTo(CURATOR)))
                .body("items.values.id", everyItem(equalTo((int) id)))
                .body("items.values.version", contains(0, 1, 1))
                .body("items.values.title", contains(body.get("title"), "Second title", "Second title"))
                .body("items[0].values.countries", contains("Germany"))
                .body("items[0].values.registryIds", contains("NCT05859997"))
                .body("items[1].values.countries", contains("Germany", "Italy"))
                .body("items[1].values.registryIds", equalTo(List.of()))
                .body("items[2].values.countries", contains("Germany", "Italy"))
                .extract().jsonPath();
        List<Long> revisions = history.getList("items.revision", Long.class);
        assertTrue(revisions.get(0) < revisions.get(1) && revisions.get(1) < revisions.get(2), revisions.toString());
        List<Instant> times = history.getList("items.timestamp", String.class).stream().map(Instant::parse).toList();
        assertTrue(times.get(0).isAfter(start) && !times.get(2).isBefore(times.get(0)), times.toString());
    }

    @Test
    void aCascadeRecordsEveryRemovalAndEveryUnlinkedLaterReport() {
        long doomed = createStudy();
        long laterCohort = createCohort(doomed, cohort("later", 10));
        long outcome = createOutcome(laterCohort, outcome("REMISSION", 8, 10));
        Map<String, Object> earlierBody = cohort("earlier", 4);
        earlierBody.put("supersededBy", laterCohort);
        long earlierCohort = createCohort(createStudy(), earlierBody);

        curator().queryParam("cascade", true).delete("/api/v1/studies/{id}", doomed).then().statusCode(204);

        long deletion = given().get("/api/v1/studies/{id}/history", doomed).then().statusCode(200)
                .body("items.type", contains("CREATED", "DELETED")).extract().jsonPath().getLong("items[1].revision");
        given().get("/api/v1/cohorts/{id}/history", laterCohort).then().statusCode(200)
                .body("items.type", contains("CREATED", "DELETED"))
                .body("items[1].revision", equalTo((int) deletion))
                .body("items[1].values.studyId", equalTo((int) doomed))
                .body("items[1].values.enrolled", equalTo(10));
        given().get("/api/v1/outcomes/{id}/history", outcome).then().statusCode(200)
                .body("items.type", contains("CREATED", "DELETED"))
                .body("items[1].revision", equalTo((int) deletion))
                .body("items[1].values.cohortId", equalTo((int) laterCohort))
                .body("items[1].values.events", equalTo(8));
        given().get("/api/v1/cohorts/{id}/history", earlierCohort).then().statusCode(200)
                .body("items.type", contains("CREATED", "UPDATED"))
                .body("items[0].values.supersededBy", equalTo((int) laterCohort))
                .body("items[1].values.supersededBy", equalTo(null))
                .body("items[1].values.version", equalTo(1))
                .body("items[1].revision", equalTo((int) deletion));
    }

    @Test
    void theReferenceDataIsRecordedAsLoadedByReferenceData() {
        long id = given().queryParam("q", "mueller-2024-nejm").get("/api/v1/studies").jsonPath().getLong("items[0].id");
        given().get("/api/v1/studies/{id}/history", id).then().statusCode(200)
                .body("items[0].type", equalTo("CREATED"))
                .body("items[0].author", equalTo(ReferenceDataLoader.AUTHOR));
        long cohort = given().get("/api/v1/studies/{id}/cohorts", id).jsonPath().getLong("items[0].id");
        given().get("/api/v1/cohorts/{id}/history", cohort).then()
                .body("items[0].author", equalTo(ReferenceDataLoader.AUTHOR));
    }

    @Test
    void historiesArePagedAndOnlyIdsThatNeverExistedAre404() {
        long id = createStudy();
        for (int i = 1; i <= 4; i++) {
            mergePatch().body(Map.of("sponsor", "Sponsor " + i)).patch("/api/v1/studies/{id}", id).then()
                    .statusCode(200);
        }
        Response page = given().queryParam("size", 2).queryParam("page", 1).get("/api/v1/studies/{id}/history", id);
        page.then().statusCode(200).body("totalItems", equalTo(5)).body("totalPages", equalTo(3))
                .body("items.values.sponsor", contains("Sponsor 2", "Sponsor 3"))
                .header("Link", containsString("rel=\"next\""));
        given().queryParam("sort", "revision").get("/api/v1/studies/{id}/history", id).then().statusCode(200);
        given().queryParam("size", 0).get("/api/v1/studies/{id}/history", id).then().statusCode(400);
        for (String kind : List.of("studies", "cohorts", "outcomes")) {
            given().get("/api/v1/" + kind + "/{id}/history", 987_654_321).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void cohortAndOutcomeHistoriesFollowTheirOwnChanges() {
        long cohort = createCohort(createStudy(), cohort("A", 10));
        long outcome = createOutcome(cohort, outcome("CRS_ANY", 2, 10));
        mergePatch().body("{\"events\":3}").patch("/api/v1/outcomes/{id}", outcome).then().statusCode(200);
        mergePatch().body("{\"enrolled\":12}").patch("/api/v1/cohorts/{id}", cohort).then().statusCode(200);
        given().get("/api/v1/outcomes/{id}/history", outcome).then()
                .body("items.values.events", contains(2, 3)).body("items.type", contains("CREATED", "UPDATED"));
        JsonPath cohortHistory = given().get("/api/v1/cohorts/{id}/history", cohort).jsonPath();
        assertEquals(List.of(10, 12), cohortHistory.getList("items.values.enrolled", Integer.class));
    }
}
