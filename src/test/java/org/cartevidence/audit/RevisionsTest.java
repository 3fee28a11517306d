package org.cartevidence.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.cartevidence.testing.ApiTest;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The last revision is kept between reads (the test profile reads it every time; here it is kept for a minute), and
 * a write of this instance makes the next read ask the database again, so a cached answer never outlives a local
 * write, whatever the interval.
 */
@QuarkusTest
class RevisionsTest extends ApiTest {

    @Inject
    Revisions proxy;

    private Revisions revisions;

    @Inject
    SessionFactory sessions;

    private Duration configured;

    @BeforeEach
    void theBeanItself() {
        revisions = ClientProxy.unwrap(proxy); // its fields, not the client proxy's
        configured = revisions.checkInterval;
        revisions.checkInterval = Duration.ofMinutes(1);
    }

    @AfterEach
    void restore() {
        revisions.checkInterval = configured;
    }

    private long statementsOfStudy(long id) {
        Statistics statistics = sessions.getStatistics();
        statistics.clear();
        given().get("/api/v1/studies/{id}", id).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void aKeptRevisionAnswersFromTheCacheWithoutAQueryUntilThisInstanceWrites() {
        long study = createStudy();
        long revision = revisions.latest();
        assertTrue(statementsOfStudy(study) > 0, "the first read computes the answer");
        assertEquals(0, statementsOfStudy(study), "asked again: neither the revision nor the study is read");

        mergePatch().body("{\"title\": \"written here\"}").patch("/api/v1/studies/{id}", study).then().statusCode(200);
        assertTrue(revisions.latest() > revision, "a write of this instance is seen at once");
        given().get("/api/v1/studies/{id}", study).then().statusCode(200).body("title", equalTo("written here"));

        curator().delete("/api/v1/studies/{id}", study).then().statusCode(204);
        given().get("/api/v1/studies/{id}", study).then().statusCode(404);
    }

    @Test
    void failedWritesLeaveTheNumberAndAWriteAfterThemIsSeen() {
        long study = createStudy();
        long before = revisions.latest();
        json().body("{\"title\": \"no key\"}").post("/api/v1/studies").then().statusCode(422);
        mergePatch().header("If-Match", "\"7\"").body("{\"title\": \"stale\"}")
                .patch("/api/v1/studies/{id}", study).then().statusCode(412);
        assertEquals(before, revisions.latest());
        json().body(study(uniqueKey("after-failures"))).post("/api/v1/studies").then().statusCode(201);
        assertTrue(revisions.latest() > before);
    }
}
