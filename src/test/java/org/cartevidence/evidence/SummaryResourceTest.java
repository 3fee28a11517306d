package org.cartevidence.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SummaryResourceTest extends ApiTest {

    @Test
    void countsStudiesCohortsAndPatientsByEachDimension() {
        String country = "Country " + uniqueKey("c");
        Map<String, Object> study = study(uniqueKey("summary"));
        study.putAll(Map.of("countries", List.of(country), "target", "CD7", "publicationYear", 1991));
        long id = createStudy(study);
        long later = createCohort(id, Map.of("label", "MG", "disease", "MYASTHENIA_GRAVIS", "enrolled", 7));
        Map<String, Object> earlier = cohort("MG first report", 4);
        earlier.putAll(Map.of("disease", "MYASTHENIA_GRAVIS", "supersededBy", later));
        createCohort(id, earlier);

        // Its country selects this test's study alone, whatever other tests have written.
        JsonPath summary = summary(Map.of("country", country));
        assertEquals(List.of(1L, 1L, 7L), totals(summary), "the later report only");
        assertEquals(List.of(Map.of("value", country, "studies", 1, "cohorts", 1, "patients", 7)),
                summary.getList("byCountry"));
        assertEquals(List.of(Map.of("value", "1991", "studies", 1, "cohorts", 1, "patients", 7)),
                summary.getList("byPublicationYear"));
        assertEquals(List.of(Map.of("value", "MYASTHENIA_GRAVIS", "studies", 1, "cohorts", 1, "patients", 7)),
                summary.getList("byDisease"));

        JsonPath all = summary(Map.of("country", country, "includeSuperseded", true));
        assertEquals(List.of(1L, 2L, 11L), totals(all), "both reports");
        assertEquals(List.of(Map.of("value", country, "studies", 1, "cohorts", 2, "patients", 11)),
                all.getList("byCountry"));
    }

    @Test
    void theStudyFiltersSliceTheCountsAsTheyDoTheStudyList() {
        String country = "Country " + uniqueKey("filtered");
        Map<String, Object> a = study(uniqueKey("summary-a"));
        a.putAll(Map.of("countries", List.of(country), "target", "CD19"));
        long idA = createStudy(a);
        createCohort(idA, Map.of("label", "SLE", "disease", "SLE", "enrolled", 10));
        createCohort(idA, Map.of("label", "MG", "disease", "MYASTHENIA_GRAVIS", "enrolled", 5));
        Map<String, Object> b = study(uniqueKey("summary-b"));
        b.putAll(Map.of("countries", List.of(country), "target", "CD7"));
        createCohort(createStudy(b), Map.of("label", "SLE", "disease", "SLE", "enrolled", 3));
        Map<String, Object> c = study(uniqueKey("summary-c")); // no cohorts: a study all the same
        c.putAll(Map.of("countries", List.of(country), "target", "CD19"));
        createStudy(c);

        JsonPath inCountry = summary(Map.of("country", country));
        assertEquals(List.of(3L, 3L, 18L), totals(inCountry));
        assertEquals(List.of(Map.of("value", country, "studies", 3, "cohorts", 3, "patients", 18)),
                inCountry.getList("byCountry"));
        assertEquals(List.of(Map.of("value", "CD19", "studies", 2, "cohorts", 2, "patients", 15),
                Map.of("value", "CD7", "studies", 1, "cohorts", 1, "patients", 3)), inCountry.getList("byTarget"));

        // With a disease: the studies with a cohort of it, and only those cohorts.
        Map<String, Object> sle = Map.of("country", country, "disease", "SLE");
        JsonPath withDisease = summary(sle);
        assertEquals(List.of(2L, 2L, 13L), totals(withDisease));
        assertEquals(List.of(Map.of("value", "SLE", "studies", 2, "cohorts", 2, "patients", 13)),
                withDisease.getList("byDisease"));
        assertEquals(given().queryParams(sle).get("/api/v1/studies").jsonPath().getLong("totalItems"),
                withDisease.getLong("studies"));

        assertEquals(List.of(1L, 1L, 3L), totals(summary(Map.of("country", country, "target", "CD7"))));
        assertEquals(List.of(0L, 0L, 0L), totals(summary(Map.of("country", country, "yearFrom", 2100))));
        given().queryParam("yearFrom", 1800).get("/api/v1/evidence/summary").then().statusCode(400)
                .body("errors[0].field", equalTo("yearFrom"));
    }

    private static JsonPath summary(Map<String, ?> filters) {
        return given().queryParams(filters).get("/api/v1/evidence/summary").then().statusCode(200).extract()
                .jsonPath();
    }

    private static List<Long> totals(JsonPath summary) {
        return List.of(summary.getLong("studies"), summary.getLong("cohorts"), summary.getLong("patients"));
    }

    @Test
    void totalsAgreeWithTheBreakdowns() {
        JsonPath summary = given().get("/api/v1/evidence/summary").then().statusCode(200).extract().jsonPath();
        long patients = summary.getLong("patients");
        long cohorts = summary.getLong("cohorts");
        for (String dimension : List.of("byDisease", "byTarget", "byCellSource", "byPhase")) {
            assertEquals(patients, summary.getList(dimension + ".patients", Long.class).stream().mapToLong(Long::longValue).sum(), dimension);
            assertEquals(cohorts, summary.getList(dimension + ".cohorts", Long.class).stream().mapToLong(Long::longValue).sum(), dimension);
        }
        assertEquals(summary.getLong("studies"),
                summary.getList("byTarget.studies", Long.class).stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void eachBreakdownListsItsValuesInOrderWithUnknownLast() {
        createStudy(); // no publication year: counted as "unknown"
        JsonPath summary = given().get("/api/v1/evidence/summary").then().statusCode(200).extract().jsonPath();
        List<String> years = summary.getList("byPublicationYear.value", String.class);
        assertEquals(SummaryQueries.UNKNOWN, years.get(years.size() - 1), "years: " + years);
        for (String dimension : List.of("byDisease", "byTarget", "byCellSource", "byPhase", "byCountry",
                "byPublicationYear")) {
            List<String> values = summary.getList(dimension + ".value", String.class);
            List<String> known = values.stream().filter(v -> !v.equals(SummaryQueries.UNKNOWN)).toList();
            assertEquals(known.stream().sorted().toList(), known, dimension);
            assertEquals(values.size(), new HashSet<>(values).size(), dimension + " lists a value twice");
        }
    }

}
