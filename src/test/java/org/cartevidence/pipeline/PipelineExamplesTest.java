package org.cartevidence.pipeline;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The contract's import and export examples are the service's own export of the reference study
 * yts109-2025-nat-med and what importing it again answers.
 */
@QuarkusTest
class PipelineExamplesTest extends ApiTest {

    private static final String STUDY = "yts109-2025-nat-med";

    @Test
    void theNdjsonExampleIsTheStudysExportLine() {
        String line = given().queryParam("q", STUDY).accept(org.cartevidence.api.FormatParameter.NDJSON)
                .get("/api/v1/export").then().statusCode(200).extract().asString();
        assertEquals(Examples.NDJSON, line);
    }

    @Test
    void theCsvExampleIsTheStudysExportRows() {
        String rows = given().queryParam("q", STUDY).queryParam("format", "csv")
                .get("/api/v1/export").then().statusCode(200).extract().asString();
        assertEquals(Examples.CSV, rows.replace("\r\n", "\n"));
    }

    @Test
    void theJsonExampleIsTheSameDocumentAndItsImportAnswersTheResultExample() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(Examples.NDJSON), json.readTree(Examples.JSON).get(0));
        String result = curator().contentType("application/json").body(Examples.JSON)
                .post("/api/v1/import?dryRun=true").then().statusCode(200).extract().asString();
        assertEquals(json.readTree(Examples.RESULT), json.readTree(result));
    }
}
