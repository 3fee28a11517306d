package org.cartevidence.pipeline;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.cartevidence.api.FormatParameter;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The contract's import and export examples are the service's own export of the reference study
 * yts109-2025-nat-med and what importing it again answers.
 */
@QuarkusTest
class PipelineExamplesTest extends ApiTest {

    private static final String STUDY = "yts109-2025-nat-med";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String key(String ndjsonLine) {
        try {
            return MAPPER.readTree(ndjsonLine).get("key").asText();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // q also finds the copies other tests import under longer keys: the study's own lines are picked out.

    @Test
    void theNdjsonExampleIsTheStudysExportLine() {
        String export = given().queryParam("q", STUDY).accept(FormatParameter.NDJSON)
                .get("/api/v1/export").then().statusCode(200).extract().asString();
        List<String> lines = export.lines().filter(line -> STUDY.equals(key(line))).toList();
        assertEquals(List.of(Examples.text(Examples.NDJSON).strip()), lines);
    }

    @Test
    void theCsvExampleIsTheStudysExportRows() {
        List<String> export = given().queryParam("q", STUDY).queryParam("format", "csv")
                .get("/api/v1/export").then().statusCode(200).extract().asString().lines().toList();
        List<String> rows = new ArrayList<>(List.of(export.get(0)));
        export.stream().filter(line -> line.startsWith(STUDY + ",")).forEach(rows::add);
        assertEquals(Examples.text(Examples.CSV).lines().toList(), rows);
    }

    @Test
    void theJsonExampleIsTheSameDocumentAndItsImportAnswersTheResultExample() throws Exception {
        assertEquals(MAPPER.readTree(Examples.text(Examples.NDJSON)), MAPPER.readTree(Examples.text(Examples.JSON)).get(0));
        String result = curator().contentType("application/json").body(Examples.text(Examples.JSON))
                .post("/api/v1/import?dryRun=true").then().statusCode(200).extract().asString();
        assertEquals(MAPPER.readTree(Examples.text(Examples.RESULT)), MAPPER.readTree(result));
    }
}
