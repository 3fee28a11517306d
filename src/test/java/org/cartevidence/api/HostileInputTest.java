package org.cartevidence.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

/** Input meant to hurt: too big, too deep, too long, or reaching for fields a client must not set. */
@QuarkusTest
class HostileInputTest extends ApiTest {

    private static final int LIMIT = 1024 * 1024;

    @Test
    void aBodyOverTheLimitIs413ProblemWithOrWithoutContentLength() {
        String oversized = asJson(Map.of("title", "x".repeat(LIMIT)));
        long before = studies();
        problem(json().body(oversized).post("/api/v1/studies"), 413)
                .body("detail", containsString(Integer.toString(LIMIT)));
        // An InputStream body has no known length: it goes chunked, and the limit is counted as it arrives.
        problem(json().body(new ByteArrayInputStream(oversized.getBytes(StandardCharsets.UTF_8)))
                .post("/api/v1/studies"), 413);
        problem(given().contentType("application/json").body(oversized).post("/api/v1/studies"), 413);
        assertTrue(studies() == before);

        // Under the limit, chunked or not, a body is read as usual; an empty chunked body is an empty body.
        byte[] small = asJson(Map.of("title", "x".repeat(20))).getBytes(StandardCharsets.UTF_8);
        problem(json().body(new ByteArrayInputStream(small)).post("/api/v1/studies"), 422);
        problem(json().body(new ByteArrayInputStream(new byte[0])).post("/api/v1/studies"), 422);
        problem(json().post("/api/v1/studies"), 422);
    }

    @Test
    void aPipelinesFilterOfHundredsOfValuesFitsAndALongerUrlIs414Problem() {
        List<String> countries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            countries.add("Country number " + i);
        }
        given().queryParam("measure", "REMISSION").queryParam("cohorts", false).queryParam("country", countries)
                .get("/api/v1/evidence/pooled").then().statusCode(200);
        given().queryParam("country", countries).queryParam("format", "ndjson").get("/api/v1/export")
                .then().statusCode(200);

        String tooLong = "x".repeat(64 * 1024);
        problem(given().queryParam("measure", "REMISSION").queryParam("country", tooLong)
                .get("/api/v1/evidence/pooled"), 414)
                .body("type", equalTo("urn:cart-evidence:problem:uri-too-long"))
                .body("instance", equalTo("/api/v1/evidence/pooled"));
        problem(json().queryParam("q", tooLong).body(study(uniqueKey("long-url"))).post("/api/v1/studies"), 414);
    }

    @Test
    void deepNestingLongStringsAndLongNumbersAre400() {
        long id = createStudy();
        Object deepObject = 1;
        for (int level = 0; level < 40; level++) {
            deepObject = Map.of("a", deepObject);
        }
        problem(mergePatch().body(asJson(deepObject)).patch("/api/v1/studies/{id}", id), 400)
                .body("errors[0].message", containsString("levels of nesting"));
        Object deepArray = List.of();
        for (int level = 1; level < 100; level++) {
            deepArray = List.of(deepArray);
        }
        problem(json().body(asJson(deepArray)).post("/api/v1/studies"), 400);
        Map<String, Object> longTitle = study(uniqueKey("long"));
        longTitle.put("title", "t".repeat(StrictJson.MAX_STRING_LENGTH + 1));
        problem(json().body(longTitle).post("/api/v1/studies"), 400);
        longTitle.put("title", "t".repeat(501));
        problem(json().body(longTitle).post("/api/v1/studies"), 422).body("errors[0].field", equalTo("title"));
        problem(json().body(asJson(Map.of("label", "x", "disease", "SLE", "enrolled", BigInteger.TEN.pow(60))))
                .post("/api/v1/studies/{id}/cohorts", id), 400);
        problem(json().body(asJson(Map.of("k".repeat(StrictJson.MAX_NAME_LENGTH + 1), 1))).post("/api/v1/studies"),
                400);
        given().get("/api/v1/studies/{id}", id).then().body("version", equalTo(0));
    }

    /** On both databases: PostgreSQL's text cannot hold U+0000, and no database can hold half a surrogate pair. */
    @Test
    void textNoDatabaseCanStoreIsRefusedNamingTheField() {
        String key = uniqueKey("nul");
        Map<String, Object> nul = study(key);
        nul.put("title", "a\u0000b");
        problem(json().body(nul).post("/api/v1/studies"), 400).body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("U+0000"));
        Map<String, Object> nulInList = study(key);
        nulInList.put("registryIds", List.of("NCT01", "NCT\u0000"));
        problem(json().body(nulInList).post("/api/v1/studies"), 400).body("errors[0].field", equalTo("registryIds[1]"));
        // A JSON escape can carry half a surrogate pair; raw bytes cannot (they are not UTF-8). Jackson would write
        // the lone character itself, so this body is text with the escape in it.
        String loneSurrogate = "{\"key\":\"" + key + "\",\"title\":\"a\\ud800b\",\"phase\":\"PHASE_1\","
                + "\"status\":\"ACTIVE\",\"target\":\"CD19\",\"cellSource\":\"AUTOLOGOUS\","
                + "\"sourceType\":\"PEER_REVIEWED\"}";
        problem(json().body(loneSurrogate).post("/api/v1/studies"), 400).body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("U+D800"));
        given().queryParam("q", key).get("/api/v1/studies").then().body("totalItems", equalTo(0));

        Map<String, Object> emoji = study(key);
        emoji.put("title", "CAR-T \uD83E\uDDEC");
        long id = createStudy(emoji);
        given().get("/api/v1/studies/{id}", id).then().body("title", equalTo("CAR-T \uD83E\uDDEC"));
        problem(mergePatch().body(Map.of("sponsor", "x\u0000")).patch("/api/v1/studies/{id}", id), 400)
                .body("errors[0].field", equalTo("sponsor"));
        long cohort = createCohort(id, cohort("A", 10));
        problem(json().body(Map.of("label", "B\u0000", "disease", "OTHER", "enrolled", 3))
                .post("/api/v1/studies/{id}/cohorts", id), 400).body("errors[0].field", equalTo("label"));
        problem(json().body(Map.of("measure", "REMISSION", "events", 1, "total", 2, "definition", "\u0000"))
                .post("/api/v1/cohorts/{id}/outcomes", cohort), 400).body("errors[0].field", equalTo("definition"));
        given().get("/api/v1/studies/{id}", id).then().body("version", equalTo(0));

        // An import names the line and the field; nothing is written.
        Map<String, Object> nulOutcome = outcome("REMISSION", 1, 3);
        nulOutcome.put("definition", "d\u0000");
        Map<String, Object> nulCohort = cohort("A", 3);
        nulCohort.put("supersededBy", Map.of("studyKey", key, "label", "A\u0000"));
        nulCohort.put("outcomes", List.of(nulOutcome));
        Map<String, Object> document = study(key + "-import");
        document.put("cohorts", List.of(nulCohort));
        // Jackson writes U+0000 as a JSON escape. The empty first line makes the document line 2.
        problem(curator().contentType("application/x-ndjson").body("\n" + asJson(document))
                .post("/api/v1/import"), 422)
                .body("errors.line", equalTo(List.of(2, 2)))
                .body("errors.field", equalTo(List.of("/cohorts/0/outcomes/0/definition",
                        "/cohorts/0/supersededBy/label")));
        given().queryParam("q", key + "-import").get("/api/v1/studies").then().body("totalItems", equalTo(0));

        // Query parameters are bound to queries: the same rule.
        problem(given().queryParam("q", "a\u0000").get("/api/v1/studies"), 400).body("errors[0].field", equalTo("q"));
        problem(given().queryParam("country", "Germany", "\u0000").get("/api/v1/studies"), 400)
                .body("errors[0].field", equalTo("country"));
    }

    @Test
    void serverManagedAndAuditFieldsAreNeverTakenFromABody() {
        Map<String, Object> body = study(uniqueKey("mass"));
        body.putAll(Map.of("id", 1, "version", 41, "createdAt", "1999-01-01T00:00:00Z",
                "updatedAt", "1999-01-01T00:00:00Z"));
        Response created = json().body(body).post("/api/v1/studies");
        created.then().statusCode(201).body("version", equalTo(0));
        long id = created.jsonPath().getLong("id");
        assertNotEquals(1L, id);
        assertTrue(Instant.parse(created.jsonPath().getString("createdAt")).isAfter(Instant.parse("2020-01-01T00:00:00Z")));

        mergePatch().body("{\"version\":99,\"createdAt\":\"1999-01-01T00:00:00Z\",\"id\":5}")
                .patch("/api/v1/studies/{id}", id).then().statusCode(200).body("version", equalTo(0))
                .body("id", equalTo((int) id));
        for (String auditField : new String[] {"author", "revision", "username", "createdBy", "modifiedBy"}) {
            Map<String, Object> withAudit = study(uniqueKey("audit"));
            withAudit.put(auditField, "mallory");
            problem(json().body(withAudit).post("/api/v1/studies"), 400).body("errors[0].field", equalTo(auditField));
            problem(mergePatch().body(Map.of(auditField, "mallory")).patch("/api/v1/studies/{id}", id), 400);
        }
        given().get("/api/v1/studies/{id}/history", id).then().body("items.author", not(containsString("mallory")))
                .body("totalItems", equalTo(1));
    }

    @Test
    void flagsAreTrueOrFalseNeverAGuess() {
        long id = createStudy();
        problem(curator().queryParam("cascade", "yes").delete("/api/v1/studies/{id}", id), 400)
                .body("errors[0].field", equalTo("cascade"));
        problem(given().queryParam("includeSuperseded", "maybe").get("/api/v1/evidence/summary"), 400);
        given().get("/api/v1/studies/{id}", id).then().statusCode(200);
        given().queryParam("includeSuperseded", "true").get("/api/v1/evidence/summary").then().statusCode(200);
    }

    @Test
    void preconditionsMustBeWellFormedAndStrong() {
        long id = createStudy();
        for (String malformed : new String[] {"\"0", "0", "W/0", "\"0\" \"1\"", "*, \"0\""}) {
            problem(curator().header("If-Match", malformed).delete("/api/v1/studies/{id}", id), 400)
                    .body("errors[0].field", equalTo("If-Match"));
            problem(given().header("If-None-Match", malformed).get("/api/v1/studies/{id}", id), 400);
        }
        // If-Match compares strongly: a weak tag never matches, even of the current version.
        problem(curator().header("If-Match", "W/\"0\"").delete("/api/v1/studies/{id}", id), 412);
        problem(given().header("If-Match", "\"7\"").get("/api/v1/studies/{id}", id), 412);
        curator().header("If-Match", "\"5\", \"0\"").delete("/api/v1/studies/{id}", id).then().statusCode(204);
    }

    private static long studies() {
        return given().get("/api/v1/studies?size=1").jsonPath().getLong("totalItems");
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body(not(containsString("Exception")))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("StreamReadConstraints")));
    }
}
