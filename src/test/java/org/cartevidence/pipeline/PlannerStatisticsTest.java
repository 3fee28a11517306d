package org.cartevidence.pipeline;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

/** PostgreSQL only: an import that grows the outcomes by a tenth analyzes the tables; a smaller one leaves them. */
@QuarkusTest
class PlannerStatisticsTest extends ApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLargeImportRefreshesTheStatisticsAndASmallOneDoesNot() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"), "PostgreSQL only");
        }
        long known = Math.max(0, (long) Math.ceil(query("select reltuples from pg_class where relname = 'outcome'")));
        long before = analyses();
        importStudy(uniqueKey("statistics"), (int) (known / 10) + 1);
        assertEquals(before + 1, analyses(), "an import of a tenth of the outcomes analyzes");

        long after = analyses();
        importStudy(uniqueKey("statistics"), 1);
        assertEquals(after, analyses(), "an import of one outcome among many leaves the statistics");
    }

    /** A study with one cohort of {@code outcomes} outcomes, each a different definition. */
    private static void importStudy(String key, int outcomes) {
        List<Map<String, Object>> remissions = new ArrayList<>();
        for (int i = 0; i < outcomes; i++) {
            Map<String, Object> remission = outcome("REMISSION", 1, 5);
            remission.put("definition", "definition " + i);
            remissions.add(remission);
        }
        Map<String, Object> cohort = cohort("all", 5);
        cohort.put("outcomes", remissions);
        Map<String, Object> study = study(key);
        study.put("title", "Statistics");
        study.put("cohorts", List.of(cohort));
        curator().contentType("application/x-ndjson").body(asJson(study).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import").then().statusCode(200).body("outcomes.created", equalTo(outcomes));
    }

    private long analyses() throws SQLException {
        return (long) query("select analyze_count from pg_stat_user_tables where relname = 'outcome'");
    }

    private double query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
