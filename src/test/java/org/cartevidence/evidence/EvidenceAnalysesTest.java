package org.cartevidence.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cartevidence.stats.EventCount;
import org.cartevidence.stats.MetaAnalysis;
import org.cartevidence.stats.PooledEstimate;
import org.cartevidence.stats.PoolingSettings;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The test for subgroup differences, the meta-regression and the cumulative and leave-one-out analyses through HTTP,
 * on studies of this test's own, which a country no other test uses selects. Their counts are data sets of the R
 * reference scripts, so the answers are compared with rma.glmm's and rma's values in the JSON those scripts wrote.
 */
@QuarkusTest
class EvidenceAnalysesTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** glmm-regression.R's "subgroups-2": group A (here own cells) and B (donor cells). */
    private static final int[] EVENTS = {0, 4, 9, 12, 0, 7, 15, 3};
    private static final int[] TOTALS = {10, 12, 15, 20, 6, 9, 18, 14};
    private static final int[] YEARS = {2019, 2020, 2021, 2022, 2019, 2020, 2021, 2022};
    private static String country;

    /** Eight studies of one cohort each, imported once for every test here. */
    private static synchronized String country() {
        if (country == null) {
            String key = uniqueKey("analyses");
            List<Map<String, Object>> documents = new ArrayList<>();
            for (int i = 0; i < EVENTS.length; i++) {
                Map<String, Object> study = study(key + "-" + i);
                study.put("cellSource", i < 4 ? "AUTOLOGOUS" : "ALLOGENEIC");
                study.put("publicationYear", YEARS[i]);
                study.put("countries", List.of(key));
                Map<String, Object> cohort = cohort("cohort " + i, TOTALS[i]);
                cohort.put("outcomes", List.of(outcome("RESPONSE", EVENTS[i], TOTALS[i])));
                study.put("cohorts", List.of(cohort));
                documents.add(study);
            }
            json().body(documents).post("/api/v1/import").then().statusCode(200);
            country = key;
        }
        return country;
    }

    private static String own() {
        return "measure=RESPONSE&country=" + country();
    }

    private static JsonNode get(String path, String query) {
        try {
            return JSON.readTree(given().accept("application/json").get(path + "?" + query).then().statusCode(200)
                    .extract().asString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The case of a reference file with this data set and settings. */
    private static JsonNode reference(String file, String dataset, String model, String ci, String extra)
            throws IOException {
        try (InputStream in = getClass(file)) {
            for (JsonNode c : JSON.readTree(in).get("cases")) {
                if (c.get("dataset").asText().equals(dataset) && c.get("model").asText().equals(model)
                        && c.get("ciMethod").asText().equals(ci) && c.path("level").asDouble(0.95) == 0.95
                        && (extra == null || c.toString().contains(extra))) {
                    return c;
                }
            }
        }
        throw new AssertionError("no reference case " + dataset);
    }

    private static InputStream getClass(String file) {
        return EvidenceAnalysesTest.class.getResourceAsStream("/org/cartevidence/stats/" + file);
    }

    @Test
    void subgroupDifferencesAreTheGroupFactorsTestOfRmaGlmmAndRma() throws IOException {
        JsonNode glmm = get("/api/v1/evidence/pooled", own() + "&groupBy=cellSource&cohorts=false");
        JsonNode test = glmm.get("subgroupDifferences");
        JsonNode expected = reference("glmm-regression.json", "subgroups-2", "RANDOM", "WALD", null);
        assertEquals(expected.get("qm").asDouble(), test.get("q").asDouble(), 1e-4);
        assertEquals(1, test.get("df").asInt());
        assertTrue(test.path("df2").isMissingNode(), "a chi-squared test has no df2");
        assertEquals(expected.get("qmPValue").asDouble(), test.get("p").asDouble(), 1e-4);
        assertEquals("glmm", test.get("method").asText());

        JsonNode iv = get("/api/v1/evidence/pooled", own() + "&groupBy=cellSource&cohorts=false&method=inverse-variance")
                .get("subgroupDifferences");
        JsonNode rma = reference("metafor-regression.json", "subgroups-2", "RANDOM", "HARTUNG_KNAPP",
                "\"tau2Estimator\":\"REML\"");
        assertEquals(rma.get("qm").asDouble(), iv.get("q").asDouble(), 1e-6);
        assertEquals(1, iv.get("df").asInt());
        assertEquals(6, iv.get("df2").asInt(), "Hartung-Knapp's F on k - p df");
        assertEquals(rma.get("qmPValue").asDouble(), iv.get("p").asDouble(), 1e-6);

        assertTrue(get("/api/v1/evidence/pooled", own()).path("subgroupDifferences").isMissingNode(),
                "one group: no test");
        String csv = given().get("/api/v1/evidence/pooled?" + own() + "&groupBy=cellSource&format=csv").then()
                .statusCode(200).extract().asString();
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords()) {
            assertEquals(test.get("q").asDouble(), Double.parseDouble(row.get("subgroupQ")), 1e-12);
            assertEquals("1", row.get("subgroupDf"));
        }
        String svg = given().get("/api/v1/evidence/forest.svg?" + own() + "&groupBy=cellSource").then()
                .statusCode(200).extract().asString();
        assertTrue(svg.contains("Test for subgroup differences (cell source): Q = "
                + String.format(java.util.Locale.ROOT, "%.2f", test.get("q").asDouble()) + ", df = 1"), svg);
    }

    @Test
    void metaRegressionIsRmaGlmmWithModerators() throws IOException {
        JsonNode fit = get("/api/v1/evidence/regression", own() + "&moderators=cellSource");
        JsonNode expected = reference("glmm-regression.json", "subgroups-2", "RANDOM", "WALD", null);
        assertEquals(8, fit.get("k").asInt());
        assertEquals(List.of("intercept", "cellSource=ALLOGENEIC"), names(fit),
                "own cells are the reference: as frequent as donor cells, and first in the enum");
        assertEquals("Donor cells (allogeneic)", fit.get("coefficients").get(1).get("label").asText());
        for (int j = 0; j < 2; j++) {
            JsonNode c = fit.get("coefficients").get(j);
            assertEquals(expected.get("estimate").get(j).asDouble(), c.get("estimate").asDouble(), 1e-4);
            assertEquals(expected.get("se").get(j).asDouble(), c.get("se").asDouble(), 1e-3);
            assertEquals(expected.get("pValue").get(j).asDouble(), c.get("p").asDouble(), 1e-4);
            assertTrue(c.has("z") && !c.has("t"));
        }
        assertEquals(expected.get("qm").asDouble(), fit.get("qm").asDouble(), 1e-4);
        assertEquals(expected.get("qe").asDouble(), fit.get("qe").asDouble(), 1e-4);
        assertEquals(expected.get("qeLrt").asDouble(), fit.get("qeLrt").asDouble(), 1e-4);
        assertEquals(expected.get("tau2").asDouble(), fit.get("tau2").asDouble(), 1e-3 * expected.get("tau2").asDouble());

        JsonNode rma = reference("metafor-regression.json", "subgroups-2", "RANDOM", "T", "\"tau2Estimator\":\"DL\"");
        JsonNode iv = get("/api/v1/evidence/regression", own() + "&moderators=cellSource&method=inverse-variance"
                + "&tau2=DL&ci=t");
        assertEquals(rma.get("estimate").get(1).asDouble(), iv.get("coefficients").get(1).get("estimate").asDouble(),
                1e-6);
        assertEquals(rma.get("statistic").get(1).asDouble(), iv.get("coefficients").get(1).get("t").asDouble(), 1e-6);
        assertEquals(rma.get("r2").asDouble(), iv.get("r2").asDouble(), 1e-6);
        assertEquals(6, iv.get("qmDf2").asInt());

        JsonNode withYear = get("/api/v1/evidence/regression", own() + "&moderators=cellSource,publicationYear");
        assertEquals(List.of("intercept", "cellSource=ALLOGENEIC", "publicationYear"), names(withYear));
        assertEquals(2, withYear.get("qmDf").asInt());
    }

    @Test
    void designsTheCohortsCannotEstimateAre422NamingTheModerator() {
        given().get("/api/v1/evidence/regression?" + own() + "&moderators=geneEditing").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", is("moderators"))
                .body("errors[0].message", containsString("geneEditing"));
        given().get("/api/v1/evidence/regression?" + own() + "&moderators=enrolled&moderators=target"
                + "&yearTo=2019").then().statusCode(422)
                .body("errors[0].message", containsString("target"));
        given().get("/api/v1/evidence/regression?" + own() + "&moderators=cellSource&yearTo=2019").then()
                .statusCode(422).body("errors[0].message", containsString("cellSource"));
        given().get("/api/v1/evidence/regression?" + own()).then().statusCode(400)
                .body("errors[0].field", is("moderators"));
        given().get("/api/v1/evidence/regression?" + own() + "&moderators=country").then().statusCode(400)
                .body("errors[0].field", is("moderators"));
        given().get("/api/v1/evidence/regression?" + own() + "&moderators=cellSource,cellSource").then()
                .statusCode(400).body("errors[0].field", is("moderators"));
        given().get("/api/v1/evidence/regression?" + own() + "&moderators=cellSource&ci=hartung-knapp").then()
                .statusCode(400).body("errors[0].field", is("ci"));
    }

    @Test
    void cumulativeAddsTheCohortsByPublicationYearAndEndsAtThePooledEstimate() throws IOException {
        JsonNode result = get("/api/v1/evidence/cumulative", own());
        assertEquals("cumulative", result.get("analysis").asText());
        JsonNode steps = result.get("groups").get(0).get("steps");
        assertEquals(EVENTS.length, steps.size());
        List<EventCount> added = new ArrayList<>();
        int previousYear = 0;
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            assertEquals(i + 1, step.get("k").asInt());
            assertTrue(step.get("publicationYear").asInt() >= previousYear, "by publication year");
            previousYear = step.get("publicationYear").asInt();
            added.add(new EventCount(step.get("events").asInt(), step.get("total").asInt()));
            PooledEstimate expected = MetaAnalysis.pool(added, PoolingSettings.DEFAULTS);
            assertEquals(expected.estimate(), step.get("estimate").asDouble(), 1e-9);
            assertEquals(expected.ciLower(), step.get("ciLower").asDouble(), 1e-9);
        }
        assertEquals("exact-binomial", steps.get(0).get("method").asText(), "one cohort");
        assertNotNull(steps.get(0).get("note"));
        assertEquals(get("/api/v1/evidence/pooled", own()).get("groups").get(0).get("estimate").asDouble(),
                steps.get(steps.size() - 1).get("estimate").asDouble(), 1e-12);

        String csv = given().get("/api/v1/evidence/cumulative?" + own() + "&format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(EVENTS.length, rows.size());
        assertEquals(steps.get(3).get("estimate").asDouble(), Double.parseDouble(rows.get(3).get("estimate")));

        String svg = given().get("/api/v1/evidence/cumulative.svg?" + own()).then().statusCode(200)
                .contentType(containsString("image/svg+xml")).extract().asString();
        assertEquals(EVENTS.length, svg.split("class=\"step\"").length - 1, "a row per step");
        assertTrue(svg.contains("Random-effects logistic model (GLMM), ML; 95 % Wald CI"), svg);
    }

    @Test
    void leaveOneOutPoolsAllButEachCohort() {
        JsonNode result = get("/api/v1/evidence/leave-one-out", own() + "&groupBy=cellSource&method=inverse-variance");
        assertEquals("leave-one-out", result.get("analysis").asText());
        for (JsonNode group : result.get("groups")) {
            JsonNode steps = group.get("steps");
            assertEquals(4, steps.size());
            for (JsonNode step : steps) {
                assertEquals(3, step.get("k").asInt());
                assertEquals("inverse-variance", step.get("method").asText());
            }
        }
        JsonNode single = get("/api/v1/evidence/leave-one-out", own() + "&yearTo=2019&groupBy=cellSource");
        for (JsonNode group : single.get("groups")) {
            assertEquals(0, group.get("steps").size());
            assertTrue(group.get("note").asText().contains("single cohort"));
        }
        given().get("/api/v1/evidence/leave-one-out?" + own() + "&ci=adhoc").then().statusCode(400)
                .body("errors[0].field", equalTo("ci"));
    }

    private static List<String> names(JsonNode fit) {
        List<String> names = new ArrayList<>();
        fit.get("coefficients").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }
}
