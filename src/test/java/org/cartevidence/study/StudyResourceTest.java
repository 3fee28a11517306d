package org.cartevidence.study;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StudyResourceTest extends ApiTest {

    @Test
    void createAnswers201WithLocationETagAndTheStoredBody() {
        String key = uniqueKey("create");
        Map<String, Object> body = study(key);
        body.put("registryIds", List.of("NCT05859997", "ChiCTR2300071234"));
        body.put("doi", "10.1056/NEJMoa2308917");
        body.put("countries", List.of("Germany"));
        body.put("publicationYear", 2024);
        body.put("id", 999_999);     // read-only fields are ignored on input
        body.put("version", 41);

        Response created = json().body(body).post("/api/v1/studies");
        created.then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("key", equalTo(key))
                .body("registryIds", contains("NCT05859997", "ChiCTR2300071234"))
                .body("countries", contains("Germany"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue());
        long id = created.jsonPath().getLong("id");
        assertTrue(id != 999_999);
        assertTrue(created.header("Location").endsWith("/api/v1/studies/" + id));

        given().get(created.header("Location")).then().statusCode(200).header("ETag", "\"0\"")
                .body("doi", equalTo("10.1056/NEJMoa2308917"))
                .body("createdAt", equalTo(created.jsonPath().getString("createdAt")));
    }

    @Test
    void getAnswers304WhenIfNoneMatchNamesTheCurrentVersion() {
        long id = createStudy();
        given().header("If-None-Match", "\"0\"").get("/api/v1/studies/{id}", id).then().statusCode(304);
        given().header("If-None-Match", "\"7\"").get("/api/v1/studies/{id}", id).then().statusCode(200);
    }

    @Test
    void missingStudiesAre404ForEveryOperation() {
        given().get("/api/v1/studies/{id}", 987_654_321).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("987654321"));
        json().body(study(uniqueKey("missing"))).put("/api/v1/studies/{id}", 987_654_321).then().statusCode(404);
        mergePatch().body("{\"title\":\"x\"}").patch("/api/v1/studies/{id}", 987_654_321).then().statusCode(404);
        curator().delete("/api/v1/studies/{id}", 987_654_321).then().statusCode(404);
    }

    @Test
    void requiredFieldsAndFormatsAreValidatedNamingEachField() {
        json().body(Map.of("key", "Not A Slug", "registryIds", List.of("NCT123"), "doi", "doi:10/x",
                        "publicationYear", 1800))
                .post("/api/v1/studies").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("cellSource", "doi", "key", "phase", "publicationYear",
                        "registryIds[0]", "sourceType", "status", "target", "title"));
    }

    @Test
    void aDuplicateKeyIsAConflict() {
        String key = uniqueKey("dup");
        createStudy(study(key));
        json().body(study(key)).post("/api/v1/studies").then().statusCode(409)
                .body("errors[0].field", equalTo("key"));
        long other = createStudy();
        json().body(study(key)).put("/api/v1/studies/{id}", other).then().statusCode(409);
    }

    @Test
    void putAcceptsTheGetBodyBackAndRaisesTheVersionByOnePerChange() {
        long id = createStudy();
        Map<String, Object> current = given().get("/api/v1/studies/{id}", id).jsonPath().getMap("");
        json().body(current).put("/api/v1/studies/{id}", id).then().statusCode(200)
                .body("version", equalTo(0)); // nothing changed, nothing to count

        current.put("title", "A better title");
        current.put("sponsor", "Someone");
        json().body(current).header("If-Match", "\"0\"").put("/api/v1/studies/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"").body("version", equalTo(1)).body("title", equalTo("A better title"));

        current.remove("sponsor"); // a PUT replaces: an absent optional field becomes empty
        json().body(current).put("/api/v1/studies/{id}", id).then().statusCode(200)
                .body("version", equalTo(2)).body("sponsor", nullValue());
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        long id = createStudy();
        mergePatch().body("{\"title\":\"first\"}").patch("/api/v1/studies/{id}", id).then().statusCode(200);
        mergePatch().header("If-Match", "\"0\"").body("{\"title\":\"second\"}")
                .patch("/api/v1/studies/{id}", id).then().statusCode(412).contentType("application/problem+json");
        Map<String, Object> body = study(uniqueKey("stale"));
        json().header("If-Match", "\"0\"").body(body).put("/api/v1/studies/{id}", id).then().statusCode(412);
        curator().header("If-Match", "\"0\"").delete("/api/v1/studies/{id}", id).then().statusCode(412);
        given().get("/api/v1/studies/{id}", id).then().body("title", equalTo("first")).body("version", equalTo(1));
        curator().header("If-Match", "\"1\"").delete("/api/v1/studies/{id}", id).then().statusCode(204);
    }

    @Test
    void mergePatchChangesOnlyWhatItNamesAndNullRemoves() {
        Map<String, Object> body = study(uniqueKey("patch"));
        body.put("sponsor", "Sponsor A");
        body.put("countries", List.of("China"));
        long id = createStudy(body);

        mergePatch().body("{\"status\":\"PUBLISHED\",\"sponsor\":null,\"pmid\":\"38381673\",\"id\":1}")
                .patch("/api/v1/studies/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("PUBLISHED")).body("sponsor", nullValue())
                .body("pmid", equalTo("38381673")).body("countries", contains("China"))
                .body("id", equalTo((int) id));

        mergePatch().body("{\"doi\":\"nope\"}").patch("/api/v1/studies/{id}", id).then().statusCode(422)
                .body("errors[0].field", equalTo("doi"));
        mergePatch().body("{\"phase\":\"PHASE_9\"}").patch("/api/v1/studies/{id}", id).then().statusCode(400)
                .body("errors[0].field", equalTo("phase"));
        mergePatch().body("{\"colour\":\"red\"}").patch("/api/v1/studies/{id}", id).then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        mergePatch().body("[1,2]").patch("/api/v1/studies/{id}", id).then().statusCode(400);
        json().body("{\"title\":\"x\"}").patch("/api/v1/studies/{id}", id).then().statusCode(415);
        given().get("/api/v1/studies/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void deleteIsRefusedWhileCohortsExistUnlessCascaded() {
        long id = createStudy();
        long cohort = createCohort(id, cohort("Adults", 5));
        long outcome = createOutcome(cohort, outcome("REMISSION", 4, 5));

        curator().delete("/api/v1/studies/{id}", id).then().statusCode(409)
                .body("detail", containsString("cascade=true"));
        given().get("/api/v1/cohorts/{id}", cohort).then().statusCode(200);

        curator().queryParam("cascade", true).delete("/api/v1/studies/{id}", id).then().statusCode(204);
        given().get("/api/v1/studies/{id}", id).then().statusCode(404);
        given().get("/api/v1/cohorts/{id}", cohort).then().statusCode(404);
        given().get("/api/v1/outcomes/{id}", outcome).then().statusCode(404);
    }

    @Test
    void cascadeUnlinksCohortsOfOtherStudiesThatNamedADeletedCohortAsTheirLaterReport() {
        long later = createStudy();
        long laterCohort = createCohort(later, cohort("Long follow-up", 10));
        long earlier = createStudy();
        Map<String, Object> superseded = cohort("First report", 5);
        superseded.put("supersededBy", laterCohort);
        long earlierCohort = createCohort(earlier, superseded);

        curator().queryParam("cascade", true).delete("/api/v1/studies/{id}", later).then().statusCode(204);
        given().get("/api/v1/cohorts/{id}", earlierCohort).then().statusCode(200)
                .body("supersededBy", nullValue()).body("version", equalTo(1));
    }

    @Test
    void filtersCombineAndEachNarrowsTheList() {
        String tag = uniqueKey("filter");
        Map<String, Object> a = study(tag + "-a");
        a.putAll(Map.of("phase", "PHASE_2", "target", "BCMA", "cellSource", "ALLOGENEIC", "countries",
                List.of("Utopia"), "publicationYear", 2023, "sourceType", "CONFERENCE_ABSTRACT",
                "geneEditing", "CRISPR", "status", "RECRUITING", "sponsor", "Acme " + tag));
        long idA = createStudy(a);
        createCohort(idA, Map.of("label", "MG", "disease", "MYASTHENIA_GRAVIS", "enrolled", 3));
        Map<String, Object> b = study(tag + "-b");
        b.putAll(Map.of("publicationYear", 2025, "registryIds", List.of("NCT09999999")));
        long idB = createStudy(b);

        assertIds(Map.of("q", tag), idA, idB);
        assertIds(Map.of("q", tag.toUpperCase()), idA, idB); // case-insensitive
        assertIds(Map.of("q", tag, "phase", "PHASE_2"), idA);
        assertIds(Map.of("q", tag, "target", "BCMA"), idA);
        assertIds(Map.of("q", tag, "cellSource", "ALLOGENEIC"), idA);
        assertIds(Map.of("q", tag, "geneEditing", "CRISPR"), idA);
        assertIds(Map.of("q", tag, "sourceType", "CONFERENCE_ABSTRACT"), idA);
        assertIds(Map.of("q", tag, "status", "RECRUITING"), idA);
        assertIds(Map.of("q", tag, "country", "utopia"), idA);
        assertIds(Map.of("q", tag, "disease", "MYASTHENIA_GRAVIS"), idA);
        assertIds(Map.of("q", tag, "yearFrom", 2024), idB);
        assertIds(Map.of("q", tag, "yearTo", 2023), idA);
        assertIds(Map.of("q", tag, "yearFrom", 2023, "yearTo", 2025, "phase", "PHASE_1"), idB);
        assertIds(Map.of("q", "NCT09999999"), idB);
        assertIds(Map.of("q", "acme " + tag), idA);
        assertIds(Map.of("q", "%"), new long[0]);
        given().queryParam("phase", "PHASE_1").queryParam("phase", "PHASE_2").queryParam("q", tag)
                .get("/api/v1/studies").then().statusCode(200).body("totalItems", equalTo(2));
    }

    @Test
    void updatedSinceReturnsOnlyWhatChangedAtOrAfterTheInstant() {
        String tag = uniqueKey("sync");
        long old = createStudy(study(tag + "-old"));
        Instant since = Instant.parse(given().get("/api/v1/studies/{id}", old).jsonPath().getString("updatedAt"))
                .plusMillis(1);
        sleepPastMillisecond();
        long fresh = createStudy(study(tag + "-new"));
        assertIds(Map.of("q", tag, "updatedSince", since.toString()), fresh);
        mergePatch().body("{\"title\":\"touched\"}").patch("/api/v1/studies/{id}", old).then().statusCode(200);
        assertIds(Map.of("q", tag, "updatedSince", since.toString()), old, fresh);
    }

    @Test
    void sortingIsByTheNamedFieldsThenById() {
        String tag = uniqueKey("sort");
        long first = createStudy(withYearAndTitle(tag + "-1", 2022, "B"));
        long second = createStudy(withYearAndTitle(tag + "-2", 2024, "B"));
        long third = createStudy(withYearAndTitle(tag + "-3", 2024, "A"));
        long fourth = createStudy(withYearAndTitle(tag + "-4", 2024, "A"));

        List<Long> sorted = given().queryParam("q", tag).queryParam("sort", "-publicationYear,title")
                .get("/api/v1/studies").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertEquals(List.of(third, fourth, second, first), sorted);
        List<Long> byDefault = given().queryParam("q", tag).get("/api/v1/studies").jsonPath()
                .getList("items.id", Long.class);
        assertEquals(List.of(first, second, third, fourth), byDefault);
        given().queryParam("sort", "sponsor").get("/api/v1/studies").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void commasInLinkUrlsArePercentEncodedAndTheLinksStillWork() {
        String tag = uniqueKey("comma");
        createStudy(study(tag + "-a"));
        createStudy(study(tag + "-b"));
        String link = given().queryParam("q", tag).queryParam("sort", "-publicationYear,title").queryParam("size", 1)
                .get("/api/v1/studies").then().statusCode(200).extract().header("Link");
        List<String> urls = new ArrayList<>();
        for (String part : link.split(",")) { // as a naive client splits it
            Matcher url = Pattern.compile("^\\s*<([^<>]*)>; rel=\"(\\w+)\"$").matcher(part);
            assertTrue(url.matches(), "not one whole link: '" + part + "' of " + link);
            urls.add(url.group(1));
        }
        assertEquals(3, urls.size(), link); // first, next, last
        String next = urls.get(1);
        assertTrue(next.contains("sort=-publicationYear%2Ctitle"), next);
        given().urlEncodingEnabled(false).get(next).then().statusCode(200).body("page", equalTo(1))
                .body("items[0].key", equalTo(tag + "-b"));
    }

    @Test
    void pagesCarryTotalsAndLinks() {
        String tag = uniqueKey("page");
        for (int i = 0; i < 5; i++) {
            createStudy(study(tag + "-" + i));
        }
        Response middle = given().queryParam("q", tag).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/studies");
        middle.then().statusCode(200).body("items.size()", equalTo(2)).body("page", equalTo(1))
                .body("size", equalTo(2)).body("totalItems", equalTo(5)).body("totalPages", equalTo(3));
        String link = middle.header("Link");
        for (String rel : List.of("first", "prev", "next", "last")) {
            assertTrue(link.contains("rel=\"" + rel + "\""), link);
        }
        assertTrue(link.contains("page=2&size=2>; rel=\"next\"") || link.contains("size=2&page=2>; rel=\"next\""), link);

        given().queryParam("q", tag).queryParam("size", 2).queryParam("page", 2).get("/api/v1/studies").then()
                .body("items.size()", equalTo(1)).header("Link", org.hamcrest.Matchers.not(containsString("rel=\"next\"")));
        given().queryParam("q", tag).queryParam("page", 9).get("/api/v1/studies").then().statusCode(200)
                .body("items", empty()).body("totalItems", equalTo(5));
        given().queryParam("size", 1000).get("/api/v1/studies").then().statusCode(200).body("size", equalTo(100));
        given().queryParam("q", uniqueKey("nothing")).get("/api/v1/studies").then()
                .body("totalItems", equalTo(0)).body("totalPages", equalTo(0));
    }

    @Test
    void referenceStudiesAreListed() {
        given().queryParam("q", "mueller-2024").get("/api/v1/studies").then().statusCode(200)
                .body("items.key", hasItem("mueller-2024-nejm"));
    }

    private static Map<String, Object> withYearAndTitle(String key, int year, String title) {
        Map<String, Object> body = study(key);
        body.put("publicationYear", year);
        body.put("title", title);
        return body;
    }

    private static void assertIds(Map<String, ?> query, long... expected) {
        List<Long> ids = given().queryParams(query).get("/api/v1/studies").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
        assertEquals(java.util.Arrays.stream(expected).boxed().toList(), ids, "query " + query);
    }

    private static void sleepPastMillisecond() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
