package org.cartevidence.study;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * A cascade delete is one transaction: when the database refuses one of its statements halfway, everything it had
 * already deleted comes back and the history records nothing.
 */
@QuarkusTest
class AtomicDeleteTest extends ApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCascadeThatFailsHalfwayLeavesEverythingAsItWas() throws SQLException {
        long study = createStudy();
        long first = createCohort(study, cohort("first", 10));
        long firstOutcome = createOutcome(first, outcome("REMISSION", 5, 10));
        long second = createCohort(study, cohort("second", 8));
        long secondOutcome = createOutcome(second, outcome("CRS_ANY", 2, 8));

        // A row the service knows nothing about holds on to the second cohort: the cascade deletes the first cohort's
        // outcome, the first cohort and the second cohort's outcome, then fails on the second cohort.
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create table cascade_blocker (cohort_id bigint not null references cohort (id))");
            sql.execute("insert into cascade_blocker (cohort_id) values (" + second + ")");
        }
        try {
            curator().queryParam("cascade", true).delete("/api/v1/studies/{id}", study).then().statusCode(409)
                    .contentType("application/problem+json");
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("drop table cascade_blocker");
            }
        }

        given().get("/api/v1/studies/{id}", study).then().statusCode(200).body("version", equalTo(0));
        for (long cohort : List.of(first, second)) {
            given().get("/api/v1/cohorts/{id}", cohort).then().statusCode(200).body("version", equalTo(0));
            given().get("/api/v1/cohorts/{id}/history", cohort).then().body("items.type", equalTo(List.of("CREATED")));
        }
        for (long outcome : List.of(firstOutcome, secondOutcome)) {
            given().get("/api/v1/outcomes/{id}", outcome).then().statusCode(200);
            given().get("/api/v1/outcomes/{id}/history", outcome).then().body("totalItems", equalTo(1));
        }
        given().get("/api/v1/studies/{id}/history", study).then().body("items.type", equalTo(List.of("CREATED")));

        // Without the blocker the same cascade goes through.
        curator().queryParam("cascade", true).delete("/api/v1/studies/{id}", study).then().statusCode(204);
        given().get("/api/v1/cohorts/{id}", second).then().statusCode(404);
    }
}
