package org.cartevidence.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * With {@code cartevidence.security.public-read=false} reads need a reader or a curator. The suite's one extra
 * test profile (each one restarts the service).
 */
@QuarkusTest
@TestProfile(PrivateReadsTest.PrivateReads.class)
class PrivateReadsTest extends ApiTest {

    public static class PrivateReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cartevidence.security.public-read", "false",
                    "cartevidence.reference-data.enabled", "false");
        }
    }

    @Inject
    Accounts accounts;

    @Test
    void readsNeedAReaderOrACuratorAndWritesStillACurator() {
        accounts.save("private-reader", "private-reader-password", Set.of(Roles.READER));
        accounts.save("guest", "guest-password-123", Set.of("guest"));
        long id = createStudy();

        for (String path : new String[] {"/api/v1/studies", "/api/v1/studies/" + id, "/api/v1/studies/" + id + "/history",
                "/api/v1/evidence/summary"}) {
            assertTrue(given().get(path).then().statusCode(401).contentType("application/problem+json").extract()
                    .headers().getValues("WWW-Authenticate").stream().anyMatch(c -> c.startsWith("Basic ")), path);
            given().auth().preemptive().basic("guest", "guest-password-123").get(path).then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(Tokens.token("no-roles")).get(path).then().statusCode(403);
            given().auth().preemptive().basic("private-reader", "private-reader-password").get(path).then()
                    .statusCode(200);
            given().auth().oauth2(Tokens.token("jwt-reader", Roles.READER)).get(path).then().statusCode(200);
            curator().get(path).then().statusCode(200);
        }
        given().auth().preemptive().basic("private-reader", "private-reader-password")
                .contentType("application/merge-patch+json").body("{\"title\":\"no\"}")
                .patch("/api/v1/studies/{id}", id).then().statusCode(403);
        curator().get("/api/v1/studies/{id}/history", id).then().body("items.author", hasItem(CURATOR))
                .body("totalItems", equalTo(1));
        // Operations endpoints stay open for probes and scrapers (keep them off the public network).
        given().get("/q/health/ready").then().statusCode(200);
    }
}
