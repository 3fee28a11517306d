package org.cartevidence.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.ContractOperation;
import org.cartevidence.testing.LogCapture;
import org.cartevidence.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what: every write operation of the contract refuses anonymous callers (401) and readers (403) and
 * changes nothing; a curator's write succeeds, by HTTP Basic or by bearer token, and the history names its author.
 */
@QuarkusTest
class AccessTest extends ApiTest {

    static final String READER = "reader";
    static final String READER_PASSWORD = "reader-test-password";

    @Inject
    Accounts accounts;

    private long study;
    private long cohort;
    private long outcome;

    @BeforeEach
    void fixtures() {
        accounts.save(READER, READER_PASSWORD, Set.of(Roles.READER));
        study = createStudy();
        cohort = createCohort(study, cohort("A", 10));
        outcome = createOutcome(cohort, outcome("REMISSION", 5, 10));
    }

    @Test
    void everyWriteOfTheContractRefusesAnonymousCallersWith401AndChangesNothing() {
        assertRefusedEverywhere(() -> given(), 401);
    }

    @Test
    void everyWriteOfTheContractRefusesReadersWith403AndChangesNothing() {
        assertRefusedEverywhere(() -> given().auth().preemptive().basic(READER, READER_PASSWORD), 403);
        assertRefusedEverywhere(() -> given().auth().oauth2(Tokens.token("jwt-reader", Roles.READER)), 403);
    }

    @Test
    void badCredentialsAre401EvenOnAPublicRead() {
        for (RequestSpecification bad : List.of(
                given().auth().preemptive().basic(CURATOR, "not-the-password"),
                given().auth().preemptive().basic("nobody", "not-a-password"),
                given().auth().oauth2("not.a.jwt"),
                given().auth().oauth2(Tokens.claims("late", Roles.CURATOR).expiresAt(Instant.now().minusSeconds(60)).sign()),
                given().auth().oauth2(Tokens.claims("elsewhere", Roles.CURATOR).issuer("https://elsewhere.test").sign()),
                given().auth().oauth2(Tokens.claims("forger", Roles.CURATOR).sign(foreignKey())))) {
            unauthorized(bad.get("/api/v1/studies/{id}", study));
        }
        mergePatch().body("{}").patch("/api/v1/studies/{id}", study).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void readsArePublic() {
        given().get("/api/v1/studies/{id}", study).then().statusCode(200);
        given().get("/api/v1/cohorts/{id}/outcomes", cohort).then().statusCode(200);
        given().auth().preemptive().basic(READER, READER_PASSWORD).get("/api/v1/outcomes/{id}", outcome)
                .then().statusCode(200);
    }

    @Test
    void aCuratorWritesByBasicOrBearerAndTheHistoryNamesWho() {
        mergePatch().body("{\"title\":\"by basic\"}").patch("/api/v1/studies/{id}", study).then().statusCode(200);
        given().auth().oauth2(Tokens.token("alice@example.org", Roles.CURATOR, "other"))
                .contentType("application/merge-patch+json").body("{\"title\":\"by bearer\"}")
                .patch("/api/v1/studies/{id}", study).then().statusCode(200).body("version", equalTo(2));
        Response history = given().get("/api/v1/studies/{id}/history", study);
        history.then().statusCode(200).body("totalItems", equalTo(3))
                .body("items.author", equalTo(List.of(CURATOR, CURATOR, "alice@example.org")))
                .body("items.values.title", hasItem("by bearer"));
    }

    @Test
    void credentialsAndTokensNeverReachTheLogs() {
        String wrongPassword = uniqueKey("wrong-password");
        String goodToken = Tokens.token("bob", Roles.CURATOR);
        String badToken = Tokens.claims("mallory", Roles.CURATOR).issuer("https://elsewhere.test").sign();
        List<String> logged;
        try (LogCapture log = LogCapture.start()) {
            org.jboss.logging.Logger.getLogger(AccessTest.class).info("capture check");
            given().auth().preemptive().basic(CURATOR, wrongPassword).get("/api/v1/studies/{id}", study);
            given().auth().preemptive().basic(CURATOR, wrongPassword).delete("/api/v1/studies/{id}", study);
            given().auth().oauth2(badToken).delete("/api/v1/studies/{id}", study);
            given().auth().oauth2(goodToken).contentType("application/merge-patch+json").body("{\"title\":\"t\"}")
                    .patch("/api/v1/studies/{id}", study).then().statusCode(200);
            mergePatch().body("{\"status\":\"NOPE\"}").patch("/api/v1/studies/{id}", study).then().statusCode(400);
            logged = log.records().stream().map(LogCapture::text).toList();
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains("capture check")), "the log capture saw nothing");
        for (String secret : List.of(wrongPassword, curatorPassword(), goodToken, badToken,
                java.util.Base64.getEncoder().encodeToString((CURATOR + ":" + curatorPassword()).getBytes()))) {
            assertFalse(logged.stream().anyMatch(line -> line.contains(secret)), "a credential was logged: " + logged);
        }
    }

    /** Every write operation, as the caller the supplier makes, with a body that a curator could send. */
    private void assertRefusedEverywhere(Supplier<RequestSpecification> caller, int status) {
        String before = state();
        List<String> covered = new ArrayList<>();
        for (ContractOperation op : ContractOperation.all()) {
            if (!op.write()) {
                continue;
            }
            RequestSpecification request = caller.get();
            if (op.requestMediaType() != null) {
                request.contentType(op.requestMediaType()).body(validBody(op.requestSchema()));
            }
            Response response = request.accept(ContentType.JSON)
                    .request(op.method(), op.path(Map.of("studies", study, "cohorts", cohort, "outcomes", outcome)));
            if (status == 401) {
                unauthorized(response);
            } else {
                problem(response, status);
            }
            covered.add(op.toString());
        }
        assertTrue(covered.size() >= 12, "write operations covered: " + covered);
        assertEquals(before, state(), "a refused write changed something");
    }

    private static Object validBody(String schema) {
        if (schema == null) {
            return "{}";
        }
        return switch (schema) {
            case "StudyPatch" -> Map.of("sourceNote", "refused");
            case "CohortPatch", "OutcomePatch" -> Map.of("notes", "refused");
            case "StudyInput" -> study(uniqueKey("refused"));
            case "CohortInput" -> cohort("B", 10);
            case "OutcomeInput" -> outcome("RESPONSE", 1, 10);
            default -> throw new AssertionError("no valid body for " + schema + ": extend this test");
        };
    }

    /** What the fixtures and the tables look like: their versions and the number of rows. */
    private String state() {
        return List.of(given().get("/api/v1/studies/{id}", study).jsonPath().getInt("version"),
                given().get("/api/v1/cohorts/{id}", cohort).jsonPath().getInt("version"),
                given().get("/api/v1/outcomes/{id}", outcome).jsonPath().getInt("version"),
                given().get("/api/v1/studies?size=1").jsonPath().getInt("totalItems"),
                given().get("/api/v1/cohorts?size=1").jsonPath().getInt("totalItems"),
                given().get("/api/v1/outcomes?size=1").jsonPath().getInt("totalItems")).toString();
    }

    private static void unauthorized(Response response) {
        problem(response, 401);
        List<String> challenges = response.headers().getValues("WWW-Authenticate");
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Basic ")), challenges.toString());
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Bearer ")), challenges.toString());
    }

    private static void problem(Response response, int status) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("type", startsWith("urn:cart-evidence:problem:"));
        assertFalse(response.asString().contains("Exception"), response.asString());
    }

    private static java.security.PrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
