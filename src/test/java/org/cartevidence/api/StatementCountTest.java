package org.cartevidence.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.cartevidence.testing.ApiTest;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Read paths run a fixed number of SQL statements whatever the page size (no N+1), counted by Hibernate's
 * statistics (on in the test profile), and the evidence answers come from the cache until the data changes.
 */
@QuarkusTest
class StatementCountTest extends ApiTest {

    @Inject
    SessionFactory sessions;

    private static boolean seeded;

    @BeforeEach
    void enoughStudies() {
        if (seeded) {
            return;
        }
        seeded = true;
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = study(uniqueKey("stmt"));
            body.put("registryIds", java.util.List.of("NCT0000000" + i));
            body.put("countries", java.util.List.of("Germany", "China"));
            long study = createStudy(body);
            long cohort = createCohort(study, cohort("A", 10));
            createOutcome(cohort, outcome("DEATH", 0, 10));
        }
    }

    private long statements(String path, Map<String, ?> query) {
        Statistics statistics = sessions.getStatistics();
        statistics.clear();
        given().queryParams(query).get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void aPageOfStudiesTakesTheSameStatementsWhateverItsSize() {
        createStudy(); // a new revision: nothing below is cached yet
        long few = statements("/api/v1/studies", Map.of("size", 2));
        long many = statements("/api/v1/studies", Map.of("size", 50, "sort", "-publicationYear"));
        long filtered = statements("/api/v1/studies", Map.of("size", 50, "disease", "SLE", "country", "Germany"));
        // the data's revision, then count, page, registry ids of the page, countries of the page
        assertEquals(5, many, "statements of a page of 50 studies");
        assertEquals(few, many);
        assertEquals(5, filtered);
        assertEquals(1, statements("/api/v1/studies", Map.of("size", 50, "sort", "-publicationYear")),
                "the same page again comes from the cache: only the revision is read");
    }

    @Test
    void aKeptPageIsAnsweredWithTheJsonWrittenTheFirstTimeAndStillAsCsv() {
        long study = createStudy(); // a new revision: the page below is computed, then kept
        Map<String, Object> question = Map.of("size", 50, "sort", "-createdAt");
        String first = given().queryParams(question).get("/api/v1/studies").then().statusCode(200)
                .contentType("application/json").extract().asString();
        assertTrue(JsonPath.from(first).getList("items.id", Long.class).contains(study), first);
        String csv = given().queryParams(question).accept("text/csv").get("/api/v1/studies").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("id,"), csv);
        assertEquals(first, given().queryParams(question).get("/api/v1/studies").then().statusCode(200)
                .contentType("application/json").extract().asString());
        mergePatch().body("{\"title\": \"kept no more\"}").patch("/api/v1/studies/{id}", study).then().statusCode(200);
        assertTrue(given().queryParams(question).get("/api/v1/studies").asString().contains("kept no more"),
                "a write makes the kept JSON stale too");
    }

    @Test
    void pagesOfCohortsAndOutcomesTakeTwoStatements() {
        long study = createStudy();
        assertEquals(3, statements("/api/v1/cohorts", Map.of("size", 50)));
        assertEquals(3, statements("/api/v1/outcomes", Map.of("size", 50)));
        assertEquals(4, statements("/api/v1/studies/" + study, Map.of())); // the study and its two lists
        assertEquals(1, statements("/api/v1/studies/" + study, Map.of()));
        json().body(Map.of("measure", "DEATH", "events", 0, "total", 1))
                .post("/api/v1/cohorts/{id}/outcomes", createCohort(study, cohort("c", 1))).then().statusCode(201);
        assertEquals(3, statements("/api/v1/outcomes", Map.of("size", 50)), "a write makes the cached page stale");
    }

    @Test
    void aStudyReadAfterAChangeIsTheChangedOne() {
        long study = createStudy();
        given().get("/api/v1/studies/{id}", study).then().header("ETag", "\"0\"");
        mergePatch().body("{\"title\": \"changed\"}").patch("/api/v1/studies/{id}", study).then().statusCode(200);
        given().get("/api/v1/studies/{id}", study).then().header("ETag", "\"1\"").body("title", equalTo("changed"));
        given().header("If-None-Match", "\"1\"").get("/api/v1/studies/{id}", study).then().statusCode(304);
        given().header("If-Match", "\"0\"").get("/api/v1/studies/{id}", study).then().statusCode(412);
    }

    @Test
    void evidenceAnswersComeFromTheCacheUntilTheDataChanges() {
        Map<String, String> question = Map.of("measure", "ICANS_GRADE_3_PLUS", "disease", "OTHER");
        given().queryParams(question).get("/api/v1/evidence/pooled").then().statusCode(200);
        long cached = statements("/api/v1/evidence/pooled", question);
        assertEquals(1, cached, "a repeated question only asks for the data's last revision");
        int k = given().queryParams(question).get("/api/v1/evidence/pooled").jsonPath().getInt("groups.size()");

        long study = createStudy();
        long cohort = createCohort(study, cohort("icans", 8));
        long outcome = createOutcome(cohort, outcome("ICANS_GRADE_3_PLUS", 1, 8));
        assertTrue(statements("/api/v1/evidence/pooled", question) > 1, "a write must make the cached answer stale");
        given().queryParams(question).get("/api/v1/evidence/pooled").then()
                .body("groups[0].cohorts.find { it.cohortId == " + cohort + " }.events", equalTo(1));
        int before = given().queryParams(question).get("/api/v1/evidence/pooled").jsonPath().getInt("groups[0].k");

        json().body(Map.of("measure", "ICANS_GRADE_3_PLUS", "events", 2, "total", 8))
                .put("/api/v1/outcomes/{id}", outcome).then().statusCode(200);
        given().queryParams(question).get("/api/v1/evidence/pooled").then()
                .body("groups[0].cohorts.find { it.cohortId == " + cohort + " }.events", equalTo(2));

        curator().delete("/api/v1/studies/{id}?cascade=true", study).then().statusCode(204);
        given().queryParams(question).get("/api/v1/evidence/pooled").then()
                .body("groups.size()", equalTo(k)).body("groups.collect { it.k }.sum() ?: 0", equalTo(before - 1));

        long summaryCount = given().get("/api/v1/evidence/summary").jsonPath().getLong("studies");
        assertEquals(1, statements("/api/v1/evidence/summary", Map.of()));
        createStudy();
        // The revision, then one grouped query for the study fields, one for diseases and one for countries.
        assertEquals(4, statements("/api/v1/evidence/summary", Map.of()), "a summary after a write");
        given().get("/api/v1/evidence/summary").then().body("studies", equalTo((int) summaryCount + 1));
    }

    @Test
    void theVersionIsAConstantAnswerWithoutTheDatabase() {
        assertEquals(0, statements("/api/v1/version", Map.of()));
        given().get("/api/v1/version").then().statusCode(200).body("service", equalTo("cart-evidence"))
                .body("api", equalTo("v1"));
    }

    @Test
    void pooledWithoutCohortsLeavesTheListsOut() {
        given().queryParam("measure", "REMISSION").queryParam("disease", "SLE", "LUPUS_NEPHRITIS")
                .queryParam("cohorts", false).get("/api/v1/evidence/pooled").then()
                .statusCode(200).body("groups[0].k", equalTo(9)).body("groups[0].cohorts", equalTo(null));
    }
}
