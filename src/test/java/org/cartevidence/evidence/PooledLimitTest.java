package org.cartevidence.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SessionFactory sessions;

    @Test
    void tooManyCohortsToListIsA400AndTheNumbersAloneAreAnswered() throws JsonProcessingException {
        String prefix = uniqueKey("many-cohorts");
        StringBuilder documents = new StringBuilder();
        for (int s = 0; s < 401; s++) {
            Map<String, Object> study = study(prefix + "-" + s);
            study.put("countries", List.of(prefix)); // a country of this test's own
            List<Map<String, Object>> cohorts = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                Map<String, Object> cohort = cohort(Integer.toString(c), 10);
                cohort.put("outcomes", List.of(outcome("TREATMENT_RELATED_DEATH", c % 2, 10)));
                cohorts.add(cohort);
            }
            study.put("cohorts", cohorts);
            documents.append(JSON.writeValueAsString(study)).append('\n');
        }
        curator().contentType("application/x-ndjson").body(documents.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import").then().statusCode(200).body("cohorts.created", equalTo(2005));

        Map<String, Object> question = Map.of("measure", "TREATMENT_RELATED_DEATH", "country", prefix);
        given().queryParams(question).get("/api/v1/evidence/pooled").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cohorts"))
                .body("errors[0].message", containsString("cohorts=false"));
        Statistics statistics = sessions.getStatistics();
        statistics.clear();
        given().queryParams(question).get("/api/v1/evidence/pooled").then().statusCode(400)
                .body("errors[0].field", equalTo("cohorts"));
        assertEquals(1, statistics.getPrepareStatementCount(), "asked again: only the data's revision is read");
        given().queryParams(question).get("/api/v1/evidence/forest.svg").then().statusCode(400);
        given().queryParams(question).queryParam("cohorts", false).get("/api/v1/evidence/pooled").then()
                .statusCode(200).body("groups[0].k", equalTo(2005)).body("groups[0].events", equalTo(802));
        for (String analysis : List.of("cumulative", "leave-one-out", "cumulative.svg")) {
            given().queryParams(question).get("/api/v1/evidence/" + analysis).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("at most 500"));
        }
    }
}
