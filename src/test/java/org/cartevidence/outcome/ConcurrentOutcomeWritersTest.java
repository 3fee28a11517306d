package org.cartevidence.outcome;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.Race;
import org.junit.jupiter.api.Test;

/**
 * Writers that would give one cohort the same outcome at the same moment, by creation, replacement or patch: each
 * checks under the cohort's row lock, so exactly one succeeds, every other is refused with 409 (the duplicate, or a
 * lock wait that timed out), and the cohort never holds two outcomes with the same measure, definition and time point.
 */
@QuarkusTest
class ConcurrentOutcomeWritersTest extends ApiTest {

    private static final int WRITERS = 8;

    @Test
    void concurrentCreationsOfOneOutcomeMakeItOnce() throws Exception {
        long cohort = createCohort(createStudy(), cohort("A", 10));
        List<Integer> statuses = Race.statuses(WRITERS, w -> json().body(remission(1 + w, 6.0))
                .post("/api/v1/cohorts/{id}/outcomes", cohort));
        assertOneWinner(201, statuses);
        assertEquals(List.of(6.0f), timepointsOf(cohort));
    }

    @Test
    void concurrentPatchesToOneTimePointMakeItOnce() throws Exception {
        long cohort = createCohort(createStudy(), cohort("A", 10));
        List<Long> ids = oneOutcomePerWriter(cohort);
        List<Integer> statuses = Race.statuses(WRITERS, w -> mergePatch().body(Map.of("timepointMonths", 0))
                .patch("/api/v1/outcomes/{id}", ids.get(w)));
        assertOneWinner(200, statuses);
        assertEquals(1, Collections.frequency(timepointsOf(cohort), 0.0f), "one outcome at 0 months");
        assertEquals(WRITERS, timepointsOf(cohort).size());
    }

    @Test
    void concurrentReplacementsToOneTimePointMakeItOnce() throws Exception {
        long cohort = createCohort(createStudy(), cohort("A", 10));
        List<Long> ids = oneOutcomePerWriter(cohort);
        List<Integer> statuses = Race.statuses(WRITERS, w -> json().body(remission(2, 0.0)).put("/api/v1/outcomes/{id}", ids.get(w)));
        assertOneWinner(200, statuses);
        assertEquals(1, Collections.frequency(timepointsOf(cohort), 0.0f), "one outcome at 0 months");
    }

    /** An outcome for each writer, at time points 1, 2, 3... months. */
    private static List<Long> oneOutcomePerWriter(long cohort) {
        List<Long> ids = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            ids.add(createOutcome(cohort, remission(1, 1.0 + w)));
        }
        return ids;
    }

    private static Map<String, Object> remission(int events, double timepointMonths) {
        Map<String, Object> body = outcome("REMISSION", events, 10);
        body.put("definition", "DORIS");
        body.put("timepointMonths", timepointMonths);
        return body;
    }

    private static List<Float> timepointsOf(long cohort) {
        return given().get("/api/v1/cohorts/{id}/outcomes", cohort).then().statusCode(200).extract().jsonPath()
                .getList("items.timepointMonths", Float.class);
    }

    private static void assertOneWinner(int success, List<Integer> statuses) {
        assertEquals(1, Collections.frequency(statuses, success), "one success expected: " + statuses);
        assertEquals(WRITERS - 1, Collections.frequency(statuses, 409), "the others refused with 409: " + statuses);
    }
}
