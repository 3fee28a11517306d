package org.cartevidence.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.LogCapture;
import org.junit.jupiter.api.Test;

/** Bulk import and streamed export: round trips, all-or-nothing, idempotence, CSV. */
@QuarkusTest
class ImportExportTest extends ApiTest {

    private static final String NDJSON = "application/x-ndjson";
    /**
     * Reads and writes documents number for number as the export writes them: decimals stay decimals with their
     * digits (no double rounding, no exponent, no zeros stripped or added), so a re-serialised export line is the
     * same bytes.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static ValidatableResponse importNdjson(String body, String query) {
        return curator().contentType(NDJSON).accept("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import" + query).then();
    }

    /** The export of the studies whose key (or title...) contains {@code text}. */
    private static String export(String text, String format) {
        return given().queryParam("q", text).queryParam("format", format).get("/api/v1/export")
                .then().statusCode(200).extract().asString();
    }

    private static ObjectNode read(String line) {
        try {
            return (ObjectNode) MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Documents as NDJSON: one per line, each line ended by a line break as the export ends them. */
    private static String ndjson(List<? extends JsonNode> documents) {
        return documents.stream().map(document -> asJson(document) + "\n").collect(Collectors.joining());
    }

    private static String ndjson(JsonNode... documents) {
        return ndjson(List.of(documents));
    }

    /** The study keys of an NDJSON text, in its order. */
    private static List<String> keys(String ndjson) {
        return ndjson.lines().map(line -> read(line).get("key").asText()).toList();
    }

    /** Every study key (and later-report key) of an NDJSON export, with a new prefix in front. */
    private static String rekey(String ndjson, String prefix) {
        List<ObjectNode> documents = ndjson.lines().map(ImportExportTest::read).toList();
        for (ObjectNode document : documents) {
            document.put("key", prefix + document.get("key").asText());
            for (JsonNode cohort : document.path("cohorts")) {
                if (cohort.get("supersededBy") instanceof ObjectNode later) {
                    later.put("studyKey", prefix + later.get("studyKey").asText());
                }
            }
        }
        return ndjson(documents);
    }

    private static List<ObjectNode> generated(String prefix, int studies, int cohorts, int outcomes, long seed) {
        Random random = new Random(seed);
        // In the export's order: outcomes by measure, cohorts by label.
        String[] measures = {"CRS_ANY", "CRS_GRADE_3_PLUS", "DEATH", "ICANS_ANY", "INFECTION_SEVERE", "RELAPSE",
                "REMISSION", "RESPONSE"};
        List<ObjectNode> documents = new ArrayList<>();
        for (int s = 0; s < studies; s++) {
            ObjectNode study = MAPPER.createObjectNode()
                    .put("key", prefix + String.format("%06d", s))
                    .put("title", "Generated \"trial\", number " + s);
            study.putArray("registryIds").add("NCT" + String.format("%08d", random.nextInt(100_000_000)));
            study.put("publicationYear", 2019 + random.nextInt(7))
                    .put("phase", "PHASE_1").put("status", "ACTIVE");
            study.putArray("countries").add("China").add("Germany");
            study.put("target", "CD19").put("cellSource", "AUTOLOGOUS").put("sourceType", "PEER_REVIEWED");
            ArrayNode cohortNodes = study.putArray("cohorts");
            for (int c = 0; c < cohorts; c++) {
                int enrolled = 3 + random.nextInt(40);
                ObjectNode cohort = cohortNodes.addObject()
                        .put("label", "Arm " + c + ", dose " + (c + 1)).put("disease", "OTHER")
                        .put("enrolled", enrolled)
                        .put("medianAge", 20 + random.nextInt(400) / 10.0);
                // An integer and a number in exponent notation (written 1.5E8): the export writes both plain.
                if (random.nextBoolean()) {
                    cohort.put("doseCellsPerKg", 1_000_000);
                } else {
                    cohort.put("doseCellsPerKg", 1.5e8);
                }
                ArrayNode outcomeNodes = cohort.putArray("outcomes");
                for (int o = 0; o < outcomes; o++) {
                    int total = 1 + random.nextInt(enrolled);
                    ObjectNode outcome = outcomeNodes.addObject()
                            .put("measure", measures[o % measures.length]).put("definition", "def " + o)
                            .put("events", random.nextInt(total + 1)).put("total", total);
                    if (o % 2 == 0) {
                        outcome.put("timepointMonths", 6);
                    } else {
                        outcome.put("timepointMonths", 12.5);
                    }
                }
            }
            documents.add(study);
        }
        return documents;
    }

    @Test
    void theReferenceDataShipsInTheExportFormatAndExportsToTheSameBytes() throws IOException {
        String shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("reference-data/studies.ndjson")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Each reference study on its own (other tests may have imported large data sets meanwhile).
        for (String line : shipped.split("\n")) {
            String key = MAPPER.readTree(line).get("key").asText();
            List<String> exported = Arrays.asList(given().queryParam("q", key).get("/api/v1/export").then()
                    .statusCode(200).contentType(containsString(NDJSON)).extract().asString().split("\n"));
            assertTrue(exported.contains(line), "not exported byte for byte: " + line);
        }
    }

    @Test
    void exportImportExportIsByteIdenticalOnTheReferenceData() throws IOException {
        String prefix = uniqueKey("rt") + "-";
        // The shipped file is the reference data's export (the test above checks it study by study).
        String reference;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("reference-data/studies.ndjson")) {
            reference = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(24, reference.lines().count());
        String copy = rekey(reference, prefix);
        importNdjson(copy, "").statusCode(200).body("studies.created", equalTo((int) reference.lines().count()));
        assertEquals(copy, export(prefix, "ndjson"));
    }

    @Test
    void aGeneratedDataSetOf100kOutcomesRoundTripsLosslessly() throws IOException {
        String first = uniqueKey("gen") + "-";
        String input = ndjson(generated(first, 5000, 5, 4, 42));
        importNdjson(input, "").statusCode(200)
                .body("studies.created", equalTo(5000)).body("cohorts.created", equalTo(25_000))
                .body("outcomes.created", equalTo(100_000));
        String exported = export(first, "ndjson");
        // Lossless: each exported document holds exactly the generated values.
        List<String> in = input.lines().toList();
        List<String> out = exported.lines().toList();
        assertEquals(in.size(), out.size());
        for (int i = 0; i < in.size(); i += 97) {
            assertEquals(normalised(MAPPER.readTree(in.get(i))), normalised(MAPPER.readTree(out.get(i))));
        }
        // Byte-identical through a second import under other keys.
        String second = uniqueKey("gen") + "-";
        importNdjson(rekey(exported, second + "x"), "").statusCode(200);
        assertEquals(rekey(exported, second + "x"), export(second + "x", "ndjson"));
    }

    /** A document as numbers compare: 6 and 6.0, 1.5e8 and 150000000 are the same value. */
    private static String normalised(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (node.isObject()) {
            return node.properties().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + normalised(e.getValue())).collect(Collectors.joining(",", "{", "}"));
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(normalised(item)));
            return items.toString();
        }
        return node.toString();
    }

    @Test
    void aBadLineInA10kLineImportIsNamedAndNothingIsWritten() {
        String prefix = uniqueKey("bad") + "-";
        List<ObjectNode> documents = generated(prefix, 10_000, 1, 1, 7);
        ((ObjectNode) documents.get(7776).at("/cohorts/0/outcomes/0")).put("events", 999);
        documents.get(9999).put("phase", "PHASE_9");
        JsonPath problem = importNdjson(ndjson(documents), "").statusCode(422)
                .contentType("application/problem+json").extract().jsonPath();
        assertEquals(List.of(7777, 10000), problem.getList("errors.line"));
        assertEquals(List.of("/cohorts/0/outcomes/0/events", "/phase"), problem.getList("errors.field"));
        assertTrue(problem.getString("errors[0].message").contains("must not exceed total"));
        given().queryParam("q", prefix).get("/api/v1/studies").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void reimportingTheSameDocumentsChangesNothing() {
        String prefix = uniqueKey("idem") + "-";
        String documents = ndjson(generated(prefix, 20, 2, 3, 3));
        importNdjson(documents, "").statusCode(200).body("studies.created", equalTo(20));
        long id = given().queryParam("q", prefix).queryParam("sort", "key").get("/api/v1/studies").then()
                .extract().jsonPath().getLong("items[0].id");
        int revisions = given().get("/api/v1/studies/{id}/history", id).then().statusCode(200)
                .extract().jsonPath().getInt("totalItems");
        String before = export(prefix, "ndjson");
        importNdjson(documents, "").statusCode(200)
                .body("studies.created", equalTo(0)).body("studies.updated", equalTo(0))
                .body("studies.unchanged", equalTo(20)).body("cohorts.unchanged", equalTo(40))
                .body("outcomes.unchanged", equalTo(120)).body("outcomes.updated", equalTo(0));
        importNdjson(before, "").statusCode(200).body("outcomes.unchanged", equalTo(120));
        given().get("/api/v1/studies/{id}", id).then().body("version", equalTo(0));
        given().get("/api/v1/studies/{id}/history", id).then().body("totalItems", equalTo(revisions));
        assertEquals(before, export(prefix, "ndjson"));
    }

    @Test
    void aChangedDocumentUpdatesOnlyWhatChangedAndKeepsWhatItDoesNotMention() {
        String key = uniqueKey("upd");
        importNdjson(ndjson(doc(key, "Arm A", 10, 5), doc(key + "-b", "Arm A", 10, 5)), "").statusCode(200);
        ObjectNode changedDocument = doc(key, "Arm A", 10, 6);
        outcomes(changedDocument).insert(0, MAPPER.valueToTree(outcome("DEATH", 0, 10)));
        String changed = ndjson(changedDocument);
        importNdjson(changed, "?dryRun=true").statusCode(200).body("dryRun", equalTo(true))
                .body("outcomes.updated", equalTo(1)).body("outcomes.created", equalTo(1));
        assertTrue(export(key, "ndjson").contains("\"events\":5"), "a dry run wrote");
        importNdjson(changed, "").statusCode(200).body("dryRun", equalTo(false))
                .body("studies.unchanged", equalTo(1)).body("cohorts.unchanged", equalTo(1))
                .body("outcomes.updated", equalTo(1)).body("outcomes.created", equalTo(1));
        // The study without changes and the outcome the document no longer lists are still there.
        importNdjson(ndjson(doc(key, "Arm B", 10, 6)), "")
                .statusCode(200).body("cohorts.created", equalTo(1));
        String after = export(key, "ndjson");
        assertTrue(after.contains("\"label\":\"Arm A\"") && after.contains("\"label\":\"Arm B\"")
                && after.contains("\"measure\":\"DEATH\""), after);
    }

    @Test
    void aDryRunRollsBackWithoutLeavingUnfinishedWorkToHibernate() {
        String key = uniqueKey("dry");
        importNdjson(ndjson(doc(key, "Arm A", 10, 5)), "").statusCode(200);
        // New records, changed records and audit entries pending: all of them must be dropped cleanly.
        String batch = ndjson(doc(key, "Arm A", 10, 6), doc(key + "-new", "Arm A", 10, 5));
        List<LogRecord> warnings;
        try (LogCapture log = LogCapture.start()) {
            importNdjson(batch, "?dryRun=true").statusCode(200).body("dryRun", equalTo(true))
                    .body("studies.created", equalTo(1)).body("outcomes.updated", equalTo(1));
            warnings = log.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .toList();
        }
        assertTrue(warnings.stream().noneMatch(r -> String.valueOf(r.getMessage()).contains("HHH90010101")
                        || String.valueOf(r.getMessage()).contains("unprocessed transaction completion")),
                () -> "warnings during the dry run: " + warnings.stream().map(LogRecord::getMessage).toList());
        assertTrue(export(key, "ndjson").contains("\"events\":5"), "a dry run wrote");
        given().queryParam("q", key + "-new").get("/api/v1/studies").then().body("totalItems", equalTo(0));
    }

    /** A study with one cohort of {@code enrolled} patients and its remission at six months. */
    private static ObjectNode doc(String key, String label, int enrolled, int events) {
        Map<String, Object> remission = outcome("REMISSION", events, enrolled);
        remission.put("timepointMonths", 6);
        Map<String, Object> cohort = cohort(label, enrolled);
        cohort.put("outcomes", List.of(remission));
        Map<String, Object> study = study(key);
        study.put("title", "T");
        study.put("cohorts", List.of(cohort));
        return MAPPER.valueToTree(study);
    }

    private static ObjectNode firstCohort(ObjectNode document) {
        return (ObjectNode) document.at("/cohorts/0");
    }

    private static ArrayNode outcomes(ObjectNode document) {
        return (ArrayNode) document.at("/cohorts/0/outcomes");
    }

    /** A later report as documents name it, by study key and label, in the order the export writes them. */
    private static ObjectNode laterReport(String studyKey, String label) {
        return MAPPER.createObjectNode().put("studyKey", studyKey).put("label", label);
    }

    @Test
    void laterReportsAreNamedByStudyKeyAndLabelAcrossDocumentsAndStoredData() {
        String early = uniqueKey("early");
        String later = uniqueKey("later");
        ObjectNode laterDoc = doc(later, "SLE", 12, 10);
        ObjectNode earlyDoc = doc(early, "SLE", 5, 4);
        firstCohort(earlyDoc).set("supersededBy", laterReport(later, "SLE"));
        importNdjson(ndjson(earlyDoc, laterDoc), "").statusCode(200).body("cohorts.created", equalTo(2));
        String exported = export(early, "ndjson");
        assertTrue(exported.contains("\"supersededBy\":" + asJson(laterReport(later, "SLE"))), exported);
        // Again on its own: the later report is found among the stored cohorts; nothing changes.
        importNdjson(ndjson(earlyDoc), "").statusCode(200).body("cohorts.unchanged", equalTo(1));
        // A later report that exists nowhere, and one that would make a cycle.
        ObjectNode missing = earlyDoc.deepCopy();
        firstCohort(missing).set("supersededBy", laterReport(later + "-nope", "SLE"));
        importNdjson(ndjson(missing), "").statusCode(422).body("errors[0].line", equalTo(1))
                .body("errors[0].field", equalTo("/cohorts/0/supersededBy"));
        ObjectNode cycle = laterDoc.deepCopy();
        firstCohort(cycle).set("supersededBy", laterReport(early, "SLE"));
        importNdjson(ndjson(cycle), "").statusCode(422).body("errors[0].message", containsString("cycle"));
    }

    @Test
    void jsonTakesOneDocumentOrAnArray() {
        String a = uniqueKey("json-a");
        String b = uniqueKey("json-b");
        curator().contentType("application/json").body(asJson(doc(a, "X", 3, 1))).post("/api/v1/import").then()
                .statusCode(200).body("studies.created", equalTo(1));
        curator().contentType("application/json").body(asJson(MAPPER.createArrayNode().add(doc(a, "X", 3, 1))
                        .add(doc(b, "X", 3, 1))))
                .post("/api/v1/import").then().statusCode(200)
                .body("studies.created", equalTo(1)).body("studies.unchanged", equalTo(1));
        ArrayNode withABadDocument = MAPPER.createArrayNode().add(doc(b, "X", 3, 1));
        withABadDocument.addObject().put("key", "BAD KEY");
        curator().contentType("application/json").body(asJson(withABadDocument))
                .post("/api/v1/import").then().statusCode(422).body("errors.line", everyItem(equalTo(2)))
                .body("errors.field", hasItems("/key", "/title", "/phase"));
    }

    @Test
    void everyKindOfBadLineIsReportedWithItsLineAndPointer() {
        String key = uniqueKey("many");
        ObjectNode unknownField = doc(key + "-x", "A", 3, 1).put("colour", "red");
        ObjectNode sameOutcomeTwice = doc(key + "-y", "A", 3, 1);
        outcomes(sameOutcomeTwice).insert(0, outcomes(sameOutcomeTwice).get(0).deepCopy());
        // A first cohort with more women than patients, and a second with the same label.
        ObjectNode badCohorts = doc(key + "-z", "A", 3, 1);
        Map<String, Object> tooManyWomen = cohort("A", 2);
        tooManyWomen.putAll(Map.of("disease", "SLE", "female", 3));
        badCohorts.withArray("cohorts").insert(0, MAPPER.valueToTree(tooManyWomen));
        // Lines 2 to 4 are deliberately not documents: text that is no JSON, an empty line, an array.
        String body = String.join("\n",
                asJson(doc(key, "A", 3, 1)),
                "{not json",
                "",
                "[1]",
                asJson(doc(key, "A", 3, 1)),
                asJson(unknownField),
                asJson(sameOutcomeTwice),
                asJson(badCohorts));
        JsonPath problem = importNdjson(body, "").statusCode(422).extract().jsonPath();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < problem.getList("errors").size(); i++) {
            errors.add(problem.getInt("errors[" + i + "].line") + " " + problem.getString("errors[" + i + "].field"));
        }
        assertEquals(List.of("2 ", "4 ", "5 /key", "6 /colour", "7 /cohorts/0/outcomes/1/measure",
                "8 /cohorts/0/female", "8 /cohorts/1/label"), errors);
        given().queryParam("q", key).get("/api/v1/studies").then().body("totalItems", equalTo(0));
    }

    @Test
    void exportAsCsvHasOneRowPerOutcomeWithItsCohortAndStudy() throws IOException {
        String key = uniqueKey("csv");
        ObjectNode quoted = doc(key, "Arm, \"quoted\"", 10, 7);
        outcomes(quoted).insert(0, MAPPER.valueToTree(outcome("CRS_ANY", 3, 10)));
        ObjectNode withoutOutcomes = doc(key + "-empty", "E", 4, 1);
        firstCohort(withoutOutcomes).remove("outcomes");
        importNdjson(ndjson(quoted, withoutOutcomes), "").statusCode(200);
        String csv = given().queryParam("q", key).accept("text/csv").get("/api/v1/export").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).getRecords();
        assertEquals(3, rows.size(), csv);
        assertEquals("Arm, \"quoted\"", rows.get(0).get("cohort.label"));
        assertEquals("CRS_ANY", rows.get(0).get("outcome.measure"));
        assertEquals("REMISSION", rows.get(1).get("outcome.measure"));
        assertEquals("6", rows.get(1).get("outcome.timepointMonths"));
        assertEquals(key + "-empty", rows.get(2).get("study.key"));
        assertEquals("", rows.get(2).get("outcome.measure"));
        assertTrue(csv.contains("\"Arm, \"\"quoted\"\"\""), "RFC 4180 quoting: " + csv);
    }

    @Test
    void updatedSinceExportsTheStudiesWithAnyChangeSinceThen() {
        String a = uniqueKey("since-a");
        String b = uniqueKey("since-b");
        importNdjson(ndjson(doc(a, "A", 10, 5), doc(b, "A", 10, 5)), "").statusCode(200);
        Instant mark = Instant.now();
        importNdjson(ndjson(doc(b, "A", 10, 6)), "").statusCode(200).body("outcomes.updated", equalTo(1));
        String changed = given().queryParam("updatedSince", mark.toString()).get("/api/v1/export").then()
                .statusCode(200).extract().asString();
        List<String> changedKeys = keys(changed);
        assertTrue(changedKeys.contains(b), changed);
        assertTrue(!changedKeys.contains(a), changed);
    }

    @Test
    void importedRecordsHaveTheirHistoryLikeAnyOther() {
        String key = uniqueKey("hist");
        importNdjson(ndjson(doc(key, "A", 10, 4)), "").statusCode(200);
        long study = given().queryParam("q", key).get("/api/v1/studies").jsonPath().getLong("items[0].id");
        long cohort = given().queryParam("studyId", study).get("/api/v1/cohorts").jsonPath().getLong("items[0].id");
        JsonPath outcome = given().queryParam("cohortId", cohort).get("/api/v1/outcomes").jsonPath();
        long id = outcome.getLong("items[0].id");
        assertEquals(0, outcome.getInt("items[0].version"));
        for (String path : List.of("/api/v1/studies/" + study, "/api/v1/cohorts/" + cohort, "/api/v1/outcomes/" + id)) {
            given().get(path + "/history").then().statusCode(200).body("totalItems", equalTo(1))
                    .body("items[0].type", equalTo("CREATED")).body("items[0].author", equalTo(CURATOR));
        }
        given().get("/api/v1/outcomes/{id}/history", id).then()
                .body("items[0].values.events", equalTo(4)).body("items[0].values.total", equalTo(10))
                .body("items[0].values.timepointMonths", equalTo(6.0f))
                .body("items[0].values.cohortId", equalTo((int) cohort));
        // The import's records share one revision.
        int revision = given().get("/api/v1/studies/{id}/history", study).jsonPath().getInt("items[0].revision");
        given().get("/api/v1/outcomes/{id}/history", id).then().body("items[0].revision", equalTo(revision));
        // Changed through the API afterwards, the outcome's history goes on from there.
        json().body(Map.of("measure", "REMISSION", "events", 5, "total", 10, "timepointMonths", 6))
                .put("/api/v1/outcomes/{id}", id).then().statusCode(200).body("version", equalTo(1));
        given().get("/api/v1/outcomes/{id}/history", id).then().body("totalItems", equalTo(2))
                .body("items[1].type", equalTo("UPDATED"));
    }

    @Test
    void importNeedsACurator() {
        given().contentType(NDJSON).body(ndjson(doc(uniqueKey("anon"), "A", 3, 1))).post("/api/v1/import").then()
                .statusCode(401);
    }

    @Test
    void listsAndTheSummaryAnswerCsvToo() throws IOException {
        String csv = given().queryParam("format", "csv").queryParam("size", 5).queryParam("sort", "key")
                .get("/api/v1/studies").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).getRecords();
        assertEquals(5, rows.size());
        JsonPath json = given().queryParam("size", 5).queryParam("sort", "key").get("/api/v1/studies").jsonPath();
        assertEquals(json.getString("items[0].key"), rows.get(0).get("key"));
        assertEquals(String.join(";", json.getList("items[0].registryIds", String.class)),
                rows.get(0).get("registryIds"));
        given().accept("text/csv").get("/api/v1/cohorts").then().statusCode(200)
                .body(containsString("id,studyId,label,disease,enrolled"));
        given().accept("text/csv").get("/api/v1/outcomes").then().statusCode(200)
                .body(containsString("id,cohortId,measure,definition,events,total"));
        String summary = given().accept("text/csv").get("/api/v1/evidence/summary").then().statusCode(200)
                .extract().asString();
        JsonPath counts = given().get("/api/v1/evidence/summary").jsonPath();
        assertTrue(summary.startsWith("dimension,value,studies,cohorts,patients,includeSuperseded\r\ntotal,,"
                + counts.getLong("studies") + "," + counts.getLong("cohorts") + "," + counts.getLong("patients")), summary);
        given().queryParam("format", "xml").get("/api/v1/studies").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }
}
