package org.cartevidence.evidence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.ReferenceCopy;
import org.junit.jupiter.api.Test;

/**
 * The contract's examples of the evidence endpoints are the service's own answers over the reference data, asked as
 * each example's summary says, here over this class's own copy of it (its country narrows every question, and its
 * key prefix is taken off). Record ids depend on the database's sequences and are left out of the comparison;
 * every number, label and element must match.
 */
@QuarkusTest
class EvidenceExamplesTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ReferenceCopy reference() {
        return ReferenceCopy.of(EvidenceExamplesTest.class);
    }

    @Test
    void thePooledJsonExampleIsTheAnswer() throws Exception {
        String answer = given().queryParam("measure", "REMISSION").queryParam("disease", "SLE", "LUPUS_NEPHRITIS")
                .queryParam("yearTo", 2024).queryParam("country", reference().country()).accept("application/json")
                .get("/api/v1/evidence/pooled").then().statusCode(200).extract().asString();
        assertEquals(withoutIds(JSON.readTree(Examples.POOLED_JSON)), withoutIds(JSON.readTree(answer)));
    }

    @Test
    void thePooledCsvExampleIsTheAnswer() {
        String answer = given().queryParam("measure", "REMISSION").queryParam("disease", "SLE", "LUPUS_NEPHRITIS")
                .queryParam("groupBy", "cellSource").queryParam("format", "csv")
                .queryParam("country", reference().country())
                .get("/api/v1/evidence/pooled").then().statusCode(200).extract().asString();
        assertEquals(Examples.POOLED_CSV, answer.replace("\r\n", "\n").strip());
    }

    @Test
    void theForestPlotExampleIsThePlot() {
        String answer = given().queryParam("measure", "REMISSION").queryParam("disease", "ULCERATIVE_COLITIS")
                .queryParam("country", reference().country())
                .get("/api/v1/evidence/forest.svg").then().statusCode(200).extract().asString();
        // The plot names each study by its key in a tooltip: the copy's keys carry its prefix.
        assertEquals(withoutIds(Examples.FOREST_SVG), withoutIds(answer.strip().replace("(" + reference().prefix(), "(")));
    }

    private static JsonNode withoutIds(JsonNode pooled) {
        for (JsonNode group : pooled.path("groups")) {
            for (JsonNode cohort : group.path("cohorts")) {
                ((ObjectNode) cohort).remove(List.of("cohortId", "studyId", "outcomeId"));
                String key = cohort.path("studyKey").asText();
                if (key.startsWith(reference().prefix())) {
                    ((ObjectNode) cohort).put("studyKey", reference().referenceKey(key));
                }
            }
        }
        return pooled;
    }

    /** Also without the line breaks the example puts between elements for reading (the plot has none). */
    private static String withoutIds(String svg) {
        return svg.replace("\n<", "<").replaceAll("data-cohort-id=\"\\d+\"", "data-cohort-id=\"…\"");
    }
}
