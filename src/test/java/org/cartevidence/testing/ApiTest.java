package org.cartevidence.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the HTTP tests: installs the {@link Contract} check for every request, and gives the fixtures tests
 * build their own data from (unique keys, so no test depends on another's data). Writes go as the curator of the
 * test profile ({@code %test.cartevidence.curator-password}), with preemptive HTTP Basic.
 */
public abstract class ApiTest {

    protected static final String CURATOR = "curator";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        RestAssured.filters(new Contract());
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /**
     * NDJSON bodies (the import) are text to REST Assured. Set before each test, not once: Quarkus puts back the
     * configuration it found when a test class ends, which may predate a static initialiser's.
     */
    @BeforeEach
    void ndjsonIsText() {
        RestAssured.config = RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT));
    }

    protected static String curatorPassword() {
        return ConfigProvider.getConfig().getValue("cartevidence.curator-password", String.class);
    }

    /** A request as the curator. */
    protected static RequestSpecification curator() {
        return RestAssured.given().auth().preemptive().basic(CURATOR, curatorPassword());
    }

    /** A JSON request as the curator. */
    protected static RequestSpecification json() {
        return curator().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A JSON merge patch as the curator. */
    protected static RequestSpecification mergePatch() {
        return curator().contentType("application/merge-patch+json").accept(ContentType.JSON);
    }

    /**
     * A body (a fixture's Map, a Jackson tree) as JSON text, for what REST Assured sends as text: NDJSON lines, and
     * bodies whose bytes a test needs before they are sent.
     */
    protected static String asJson(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String uniqueKey(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36) + "-" + (int) (Math.random() * 1000);
    }

    /** A valid study body with every required field; tests add or override what they examine. */
    protected static Map<String, Object> study(String key) {
        return new java.util.HashMap<>(Map.of(
                "key", key, "title", "A test study " + key, "phase", "PHASE_1", "status", "ACTIVE",
                "target", "CD19", "cellSource", "AUTOLOGOUS", "sourceType", "PEER_REVIEWED"));
    }

    /** A study body with every field a client can write. */
    protected static Map<String, Object> everyStudyField(String key) {
        Map<String, Object> body = study(key);
        body.putAll(Map.of("citation", "A. Author et al. A journal 2024;1:1-2.", "registryIds", List.of("NCT01234567"),
                "doi", "10.1000/" + key, "pmid", "12345678", "publicationYear", 2024, "startYear", 2022,
                "countries", List.of("Germany"), "sponsor", "A sponsor", "institution", "An institution",
                "geneEditing", "NONE"));
        body.putAll(Map.of("vector", "LENTIVIRAL", "sourceNote", "Every field set."));
        return body;
    }

    protected static long createStudy(Map<String, Object> body) {
        return json().body(body).post("/api/v1/studies").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    protected static long createStudy() {
        return createStudy(study(uniqueKey("study")));
    }

    /**
     * A valid cohort body. Its disease is OTHER so that test cohorts never join the lupus cohorts whose pooled
     * remission the evidence tests compare with metafor; a test that needs a disease sets it.
     */
    protected static Map<String, Object> cohort(String label, int enrolled) {
        return new java.util.HashMap<>(Map.of("label", label, "disease", "OTHER", "enrolled", enrolled));
    }

    /** A cohort body with every field a client can write; {@code laterReport} is the id of its later report. */
    protected static Map<String, Object> everyCohortField(String label, int enrolled, long laterReport) {
        Map<String, Object> body = cohort(label, enrolled);
        body.putAll(Map.of("female", 1, "medianAge", 40.5, "dose", "1x10^6 cells/kg", "doseCellsPerKg", 1e6,
                "lymphodepletion", "fludarabine + cyclophosphamide", "medianFollowUpMonths", 12,
                "supersededBy", laterReport, "notes", "Every field set."));
        return body;
    }

    protected static long createCohort(long studyId, Map<String, Object> body) {
        return json().body(body).post("/api/v1/studies/{id}/cohorts", studyId).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    protected static Map<String, Object> outcome(String measure, int events, int total) {
        return new java.util.HashMap<>(Map.of("measure", measure, "events", events, "total", total));
    }

    /** An outcome body with every field a client can write. */
    protected static Map<String, Object> everyOutcomeField(String measure, int events, int total) {
        Map<String, Object> body = outcome(measure, events, total);
        body.putAll(Map.of("definition", "Every field set", "timepointMonths", 6, "mean", -10.5, "sd", 3.2,
                "median", -10, "unit", "points", "notes", "Every field set.", "source", "table 2"));
        return body;
    }

    protected static long createOutcome(long cohortId, Map<String, Object> body) {
        return json().body(body).post("/api/v1/cohorts/{id}/outcomes", cohortId).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
