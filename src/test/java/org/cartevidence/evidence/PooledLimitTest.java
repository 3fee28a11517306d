package org.cartevidence.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cartevidence.testing.ApiTest;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A question that pools more cohorts than an answer may list (2,000 in the test profile, 20,000 by default) is
 * refused with a 400 that says what to ask instead, not answered with hundreds of megabytes (or an out-of-memory
 * 500); its pooled numbers alone are answered. The refusal is kept like an answer until the data changes: counting
 * the cohorts costs about as much as pooling them.
 */
@QuarkusTest
class PooledLimitTest extends ApiTest {

    @Inject
    SessionFactory sessions;

    @Test
    void tooManyCohortsToListIsA400AndTheNumbersAloneAreAnswered() {
        String prefix = uniqueKey("many-cohorts") + "-";
        StringBuilder documents = new StringBuilder();
        for (int s = 0; s < 401; s++) {
            documents.append("{\"key\":\"").append(prefix).append(s).append("\",\"title\":\"T\",\"phase\":\"PHASE_1\",")
                    .append("\"status\":\"ACTIVE\",\"target\":\"CD19\",\"cellSource\":\"AUTOLOGOUS\",")
                    .append("\"sourceType\":\"PEER_REVIEWED\",\"cohorts\":[");
            for (int c = 0; c < 5; c++) {
                documents.append(c == 0 ? "" : ",").append("{\"label\":\"").append(c)
                        .append("\",\"disease\":\"OTHER\",\"enrolled\":10,\"outcomes\":[{\"measure\":")
                        .append("\"TREATMENT_RELATED_DEATH\",\"events\":").append(c % 2).append(",\"total\":10}]}");
            }
            documents.append("]}\n");
        }
        curator().contentType("application/x-ndjson").body(documents.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import").then().statusCode(200).body("cohorts.created", equalTo(2005));

        given().queryParam("measure", "TREATMENT_RELATED_DEATH").queryParam("disease", "OTHER")
                .get("/api/v1/evidence/pooled").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cohorts"))
                .body("errors[0].message", containsString("cohorts=false"));
        Statistics statistics = sessions.getStatistics();
        statistics.clear();
        given().queryParam("measure", "TREATMENT_RELATED_DEATH").queryParam("disease", "OTHER")
                .get("/api/v1/evidence/pooled").then().statusCode(400).body("errors[0].field", equalTo("cohorts"));
        assertEquals(1, statistics.getPrepareStatementCount(), "asked again: only the data's revision is read");
        given().queryParam("measure", "TREATMENT_RELATED_DEATH").queryParam("disease", "OTHER")
                .get("/api/v1/evidence/forest.svg").then().statusCode(400);
        given().queryParam("measure", "TREATMENT_RELATED_DEATH").queryParam("disease", "OTHER")
                .queryParam("cohorts", false).get("/api/v1/evidence/pooled").then().statusCode(200)
                .body("groups[0].k", greaterThan(2004)).body("groups[0].events", greaterThan(801));
        for (String analysis : List.of("cumulative", "leave-one-out", "cumulative.svg")) {
            given().queryParam("measure", "TREATMENT_RELATED_DEATH").queryParam("disease", "OTHER")
                    .get("/api/v1/evidence/" + analysis).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("at most 500"));
        }
    }
}
