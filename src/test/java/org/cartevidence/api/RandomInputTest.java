package org.cartevidence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cartevidence.cohort.CohortInput;
import org.cartevidence.outcome.OutcomeInput;
import org.cartevidence.study.StudyInput;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.ContractOperation;
import org.instancio.Instancio;
import org.junit.jupiter.api.Test;

/**
 * A property-based test of every operation of the contract: random and malformed paths, query parameters, headers
 * and bodies, sent as the curator, never cause a 5xx; every refusal is problem details that name nothing internal;
 * and a write that carries a defect (each generated write carries at least one) is refused and changes nothing in
 * the database. Bodies start from random instances of the input records (Instancio), so that they look like what a
 * client sends. The seed is fixed so that a failure repeats; change it (or CARTEVIDENCE_FUZZ_SEED) to explore.
 */
@QuarkusTest
class RandomInputTest extends ApiTest {

    private static final long SEED = Long.getLong("cartevidence.fuzz.seed", 20_251_125L);
    private static final int CASES_PER_OPERATION = 12;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INTERNALS = List.of("Exception", "org.hibernate", "org.cartevidence",
            "com.fasterxml", "io.quarkus", "io.vertx", "jakarta.", "java.lang", "SQL", "\tat ", "select ", "insert into");

    @Inject
    AgroalDataSource dataSource;

    private Random random;

    @Test
    void randomAndMalformedInputsNeverBreakTheServiceNorWriteAnything() throws Exception {
        random = new Random(SEED);
        long study = createStudy();
        long cohort = createCohort(study, cohort("A", 10));
        long outcome = createOutcome(cohort, outcome("REMISSION", 5, 10));
        Map<String, Long> ids = Map.of("studies", study, "cohorts", cohort, "outcomes", outcome, "ResearchStudy", study);

        // The FHIR face's reads last, so that the seeded cases of the other operations stay as they were.
        List<ContractOperation> operations = ContractOperation.all().stream()
                .sorted(java.util.Comparator.comparing(op -> op.toString().contains(" /api/v1/fhir/"))).toList();
        int refusedWrites = 0;
        for (ContractOperation op : operations) {
            for (int i = 0; i < CASES_PER_OPERATION; i++) {
                Case c = op.write() ? hostileWrite(op, ids) : randomRead(op, ids);
                String before = op.write() ? database() : null;
                Response response = c.send();
                int status = response.statusCode();
                String where = "seed " + SEED + ", " + op + ", case " + i + ": " + c + " -> " + status + " "
                        + response.asString();
                assertTrue(status < 500, where);
                if (status >= 400 && op.toString().contains(" /api/v1/fhir/")) {
                    // The FHIR face answers its errors as OperationOutcome resources (with the same status codes).
                    assertEquals("application/fhir+json", response.contentType().split(";")[0].strip(), where);
                    assertEquals("OperationOutcome", response.jsonPath().getString("resourceType"), where);
                    String told = response.jsonPath().getList("issue.diagnostics").toString();
                    for (String internal : INTERNALS) {
                        assertFalse(told.contains(internal), "names something internal (" + internal + "): " + where);
                    }
                } else if (status >= 400) {
                    assertEquals(Problem.MEDIA_TYPE, response.contentType().split(";")[0].strip(), where);
                    assertEquals(status, response.jsonPath().getInt("status"), where);
                    String told = response.jsonPath().getString("title") + " " + response.jsonPath().getString("detail")
                            + " " + response.jsonPath().getList("errors.message");
                    for (String internal : INTERNALS) {
                        assertFalse(told.contains(internal), "names something internal (" + internal + "): " + where);
                    }
                }
                if (op.write()) {
                    assertTrue(status >= 400, "a defective write was accepted: " + where);
                    assertEquals(before, database(), "a refused write changed the database: " + where);
                    refusedWrites++;
                }
            }
        }
        assertTrue(operations.size() >= 24, "operations: " + operations);
        assertEquals(operations.stream().filter(ContractOperation::write).count() * CASES_PER_OPERATION, refusedWrites);
    }

    // ---- generation ------------------------------------------------------------------------------------------

    private enum Defect { SYNTAX, TRAILING, WRONG_TYPE, UNKNOWN_FIELD, OUT_OF_RANGE, TOO_BIG, CONTENT_TYPE, PATH, FLAG,
        STALE_IF_MATCH, CREDENTIALS }

    /** A write with one or two defects, each of which alone must make the service refuse it. */
    private Case hostileWrite(ContractOperation op, Map<String, Long> ids) {
        Case c = new Case(op.method(), op.path(ids));
        String mediaType = op.requestMediaType();
        if (mediaType != null) {
            c.contentType = mediaType;
            c.body = bytes(validLooking(op));
        }
        List<Defect> possible = new ArrayList<>(List.of(Defect.CREDENTIALS));
        if (op.template().contains("{")) {
            possible.add(Defect.PATH);
        }
        if (mediaType != null) {
            possible.addAll(List.of(Defect.SYNTAX, Defect.TRAILING, Defect.WRONG_TYPE, Defect.UNKNOWN_FIELD,
                    Defect.OUT_OF_RANGE, Defect.TOO_BIG, Defect.CONTENT_TYPE));
        }
        if (!op.method().equals("post")) {
            possible.add(Defect.STALE_IF_MATCH);
        }
        if (op.queryParameters().stream().anyMatch(p -> "boolean".equals(p.path("schema").path("type").asText()))) {
            possible.add(Defect.FLAG);
        }
        int defects = 1 + random.nextInt(2);
        for (int d = 0; d < defects; d++) {
            apply(possible.get(random.nextInt(possible.size())), c, op);
        }
        return c;
    }

    private void apply(Defect defect, Case c, ContractOperation op) {
        c.defects.add(defect.name());
        switch (defect) {
            case SYNTAX -> c.body = syntaxError(c.body);
            case TRAILING -> c.body = concat(c.body, pick(" {}", " x", ",1", "\u0000", " {\"a\":1}", "]"));
            case WRONG_TYPE -> c.body = mutate(c.body, this::wrongType);
            case UNKNOWN_FIELD -> c.body = mutate(c.body, o -> o.put("zz" + letters(1 + random.nextInt(8)), word()));
            case OUT_OF_RANGE -> c.body = mutate(c.body, o -> outOfRange(op, o));
            case TOO_BIG -> c.body = mutate(c.body, this::tooBig);
            case CONTENT_TYPE -> c.contentType = pick("text/plain", "application/xml", "application/octet-stream",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    op.method().equals("patch") ? "application/json" : "application/merge-patch+json",
                    "application/json-patch+json", "image/png");
            case PATH -> c.path = c.path.replaceFirst("/[0-9]+(?=$|/)", "/" + pick("0", "-1", "987654321",
                    "99999999999999999999", "abc", "1.5", "1e3", "%20", "\u00fcn\u00efc\u00f6de", "0x1F", "+1"));
            case FLAG -> c.query.put("cascade", pick("yes", "no", "2", "", "TRUE ", "null", "on"));
            case STALE_IF_MATCH -> c.headers.put("If-Match",
                    pick("\"999\"", "\"-1\"", "W/\"0\"", "garbage", "\"\"", "\"0", "\"abc\"", "\"1\", \"2\""));
            case CREDENTIALS -> c.credentials = pick("Basic !!!",
                    "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                    "Basic " + Base64.getEncoder().encodeToString((CURATOR + ":" + word()).getBytes(StandardCharsets.UTF_8)),
                    "Bearer " + word() + "." + word() + "." + word(), "Bearer", "Digest username=\"curator\"",
                    "Basic " + Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A read with random query parameters and headers, some of them nonsense. */
    private Case randomRead(ContractOperation op, Map<String, Long> ids) {
        Case c = new Case(op.method(), op.path(ids));
        if (random.nextInt(4) == 0 && op.template().contains("{")) {
            apply(Defect.PATH, c, op);
        }
        for (JsonNode parameter : op.queryParameters()) {
            if (random.nextBoolean()) {
                c.query.put(parameter.path("name").asText(), random.nextBoolean() ? plausible(parameter) : junk());
            }
        }
        if (random.nextInt(3) == 0) {
            c.query.put(letters(1 + random.nextInt(6)), junk());
        }
        if (random.nextInt(4) == 0) {
            c.headers.put(pick("If-None-Match", "Accept", "If-Match", "Accept-Language"),
                    pick("\"0\"", "*", "garbage", "application/xml", "text/csv", "*/*", "\"1\", W/\"2\"", junk()));
        }
        if (random.nextInt(6) == 0) {
            c.credentials = pick("Basic !!!", "Bearer " + word(), "Basic " + Base64.getEncoder()
                    .encodeToString(("nobody:" + word()).getBytes(StandardCharsets.UTF_8)));
        }
        return c;
    }

    /** A random instance of the operation's input record: right in shape, random in value. */
    private JsonNode validLooking(ContractOperation op) {
        Class<?> type = op.template().startsWith("/api/v1/studies") && !op.template().endsWith("cohorts")
                ? StudyInput.class
                : op.template().contains("cohorts") && !op.template().endsWith("outcomes") ? CohortInput.class
                : OutcomeInput.class;
        ObjectNode body = JSON.valueToTree(Instancio.of(type).withSeed(random.nextLong()).create());
        if (op.method().equals("patch")) { // a merge patch: some of the fields
            Iterator<String> names = body.deepCopy().fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (random.nextBoolean()) {
                    body.remove(name);
                }
            }
        }
        return body;
    }

    private byte[] syntaxError(byte[] body) {
        return switch (random.nextInt(4)) {
            case 0 -> java.util.Arrays.copyOf(body, Math.max(1, random.nextInt(Math.max(1, body.length - 1)))); // cut
            case 1 -> pick("{", "{\"key\":}", "{'key':'x'}", "{\"a\":1,,}", "NaN", "{\"a\" 1}", "[1,2", "\"x",
                    "{\"title\":\"\u0001\"}", "tru", "{\"a\":01}", "").getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}; // invalid UTF-8
            default -> {
                byte[] noise = new byte[1 + random.nextInt(64)];
                random.nextBytes(noise);
                noise[0] = '{';
                yield noise;
            }
        };
    }

    private void wrongType(ObjectNode body) {
        ObjectNode target = body.isEmpty() ? body.put("title", "x") : body;
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        JsonNode value = target.get(name);
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> wrong = new ArrayList<>(List.of(f.objectNode().put("a", 1), f.booleanNode(random.nextBoolean())));
        if (!value.isArray()) {
            wrong.add(f.arrayNode().add(1));
        }
        if (value.isNumber() || value.isArray()) {
            wrong.add(f.textNode(word()));
        }
        if (value.isTextual() || value.isArray()) {
            wrong.add(f.numberNode(random.nextInt(1000)));
        }
        if (value.isIntegralNumber()) {
            wrong.add(f.numberNode(random.nextDouble() + 0.5));
        }
        target.set(name, wrong.get(random.nextInt(wrong.size())));
    }

    private void outOfRange(ContractOperation op, ObjectNode body) {
        Map<String, List<Object>> invalid = new LinkedHashMap<>();
        if (op.template().matches(".*/studies(/\\{id})?$")) {
            invalid.put("key", List.of("Not A Slug", "-", "a--b", "x".repeat(81)));
            invalid.put("title", List.of("", "   ", "t".repeat(501)));
            invalid.put("publicationYear", List.of(1800, 2101, -1, Integer.MAX_VALUE));
            invalid.put("pmid", List.of("0", "abc", "12345678901"));
            invalid.put("doi", List.of("doi:10/x", "11.1/x"));
            invalid.put("registryIds", List.of(List.of("NCT1"), List.of(""), java.util.Collections.nCopies(21, "NCT01234567")));
        } else if (op.template().matches(".*/cohorts(/\\{id})?$")) {
            invalid.put("enrolled", List.of(0, -5, 1_000_001));
            invalid.put("medianAge", List.of(-0.5, 121, 1e308));
            invalid.put("label", List.of("", " "));
            invalid.put("doseCellsPerKg", List.of(0, -1, 1e13));
            invalid.put("supersededBy", List.of(0, -3, 987_654_321));
        } else {
            invalid.put("events", List.of(-1, 1_000_001));
            invalid.put("total", List.of(0, -2));
            invalid.put("timepointMonths", List.of(-1, 601));
            invalid.put("sd", List.of(-0.1));
            invalid.put("mean", List.of(1e10, -1e10));
        }
        List<String> fields = new ArrayList<>(invalid.keySet());
        String field = fields.get(random.nextInt(fields.size()));
        List<Object> values = invalid.get(field);
        body.set(field, JSON.valueToTree(values.get(random.nextInt(values.size()))));
    }

    private void tooBig(ObjectNode body) {
        switch (random.nextInt(12)) {
            case 0 -> {
                ObjectNode deep = body.putObject("nested");
                for (int i = 0; i < StrictJson.MAX_NESTING_DEPTH + 4; i++) {
                    deep = deep.putObject("n");
                }
            }
            case 1 -> body.put("title", "t".repeat(StrictJson.MAX_STRING_LENGTH + 1 + random.nextInt(1000)));
            case 2 -> body.put(letters(StrictJson.MAX_NAME_LENGTH + 1), 1);
            case 3 -> body.set("enrolled", JSON.getNodeFactory().numberNode(
                    new java.math.BigInteger("9".repeat(StrictJson.MAX_NUMBER_LENGTH + 1))));
            case 4 -> body.put("notes", "n".repeat(1024 * 1024 + 1)); // over the body limit
            default -> body.put("notes", "n".repeat(4001)); // over the field's own limit
        }
    }

    private String plausible(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        String type = schema.path("type").asText(schema.path("items").isMissingNode() ? "" : "array");
        return switch (type) {
            case "integer" -> Integer.toString(random.nextInt(3000) - 5);
            case "boolean" -> random.nextBoolean() ? "true" : "false";
            case "array" -> pick("SLE", "CD19", "PHASE_1", "ALLOGENEIC", "PEER_REVIEWED", "Germany", "REMISSION");
            default -> pick("2025-01-01T00:00:00Z", "lupus", "-publicationYear,title", "title", "", word());
        };
    }

    private String junk() {
        return pick("", " ", "-1", "9999999999999", "1e9", "NaN", "null", "[]", "{}", "' or 1=1 --", "%00", "\u0000",
                "../../etc/passwd", "<script>", "\u202e\u00e9\ud83d\ude00", "x".repeat(300), word());
    }

    private String word() {
        return letters(1 + random.nextInt(12));
    }

    /** Lowercase letters only: a generated name can never look like a class or package name in an answer. */
    private String letters(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    /** Changes a body that is still a JSON object; one that an earlier defect already broke stays broken. */
    private static byte[] mutate(byte[] body, java.util.function.Consumer<ObjectNode> change) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (java.io.IOException alreadyBroken) {
            return body;
        }
        if (!(tree instanceof ObjectNode object)) {
            return body;
        }
        change.accept(object);
        return bytes(object);
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, String b) {
        byte[] tail = b.getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(a, a.length + tail.length);
        System.arraycopy(tail, 0, out, a.length, tail.length);
        return out;
    }

    // ---- the database, to see that nothing was written --------------------------------------------------------

    private String database() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("select "
                        + "(select count(*) from study), (select coalesce(sum(version), 0) from study), "
                        + "(select count(*) from cohort), (select coalesce(sum(version), 0) from cohort), "
                        + "(select count(*) from outcome), (select coalesce(sum(version), 0) from outcome), "
                        + "(select count(*) from study_country), (select count(*) from study_registry_id), "
                        + "(select count(*) from revinfo), (select count(*) from app_user)")) {
            row.next();
            StringBuilder out = new StringBuilder();
            for (int i = 1; i <= 10; i++) {
                out.append(row.getLong(i)).append(' ');
            }
            return out.toString();
        }
    }

    /** One generated request. */
    private static final class Case {
        /** Bodies go as the bytes generated, whatever the content type claims. */
        static final RestAssuredConfig AS_GENERATED = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)
                .encodeContentTypeAs("multipart/form-data", ContentType.TEXT));

        final String method;
        String path;
        String contentType;
        byte[] body;
        String credentials = "curator";
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        final List<String> defects = new ArrayList<>();

        Case(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Response send() {
            RequestSpecification request = credentials.equals("curator") ? curator() : RestAssured.given()
                    .header("Authorization", credentials);
            request.config(AS_GENERATED).accept("application/json");
            query.forEach(request::queryParam);
            headers.forEach(request::header);
            if (contentType != null) {
                request.contentType(contentType);
            }
            if (body != null) {
                request.body(body);
            }
            return request.request(method, path);
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method.toUpperCase() + " " + path + " " + query + " " + headers + " auth=" + credentials
                    + " type=" + contentType + " defects=" + defects + " body="
                    + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown);
        }
    }
}
