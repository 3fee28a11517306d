package org.cartevidence.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.ContractOperation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every kind of bad request gets a problem+json answer naming what was wrong, and nothing internal. */
@QuarkusTest
class ProblemDetailsTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "page, abc", "page, -1", "size, 0", "size, x", "sort, -sponsor", "disease, LUPUS", "phase, 1",
            "yearFrom, 1800", "yearTo, soon", "updatedSince, yesterday", "target, CD99"})
    void badQueryParametersAre400NamingTheParameter(String parameter, String value) {
        problem(given().queryParam(parameter, value).get("/api/v1/studies"), 400)
                .body("errors[0].field", equalTo(parameter));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"level, NaN", "level, Infinity", "level, high", "timepointMonths, 6mo", "cohorts, yes",
            "includeSuperseded, maybe", "groupBy, everything", "yearFrom, 1800"})
    void badEvidenceParametersAre400SayingWhatTheyMustBe(String parameter, String value) {
        problem(given().queryParam("measure", "REMISSION").queryParam(parameter, value)
                .get("/api/v1/evidence/pooled"), 400)
                .body("errors[0].field", equalTo(parameter))
                .body("errors[0].message", startsWith("must be"));
    }

    /** An id in a path is digits: "+1", "01" or " 1" name no record, not record 1 (a delete would act on it). */
    @Test
    void anIdThatIsNotPlainDigitsIs404() {
        long study = createStudy();
        for (String id : List.of("+" + study, "0" + study, "1e3", "-1", "99999999999999999999")) {
            problem(given().get("/api/v1/studies/" + id), 404);
            problem(curator().delete("/api/v1/studies/" + id), 404);
        }
        given().get("/api/v1/studies/" + study).then().statusCode(200);
    }

    @Test
    void badBodiesAre400NamingTheField() {
        long study = createStudy();
        problem(json().body("{\"label\": \"x\", ").post("/api/v1/studies/{id}/cohorts", study), 400)
                .body("errors[0].field", equalTo("body"));
        problem(json().body("{\"label\":\"x\",\"disease\":\"SLE\",\"enrolled\":2,\"ward\":7}")
                .post("/api/v1/studies/{id}/cohorts", study), 400)
                .body("errors[0].field", equalTo("ward")).body("errors[0].message", containsString("unknown field"));
        problem(json().body("{\"label\":\"x\",\"disease\":\"SLE\",\"enrolled\":2.5}")
                .post("/api/v1/studies/{id}/cohorts", study), 400)
                .body("errors[0].field", equalTo("enrolled"));
        problem(json().body("{\"label\":\"x\",\"disease\":\"SLE\",\"enrolled\":\"2\"}")
                .post("/api/v1/studies/{id}/cohorts", study), 400)
                .body("errors[0].field", equalTo("enrolled"));
        problem(json().body("{\"label\":7,\"disease\":\"SLE\",\"enrolled\":2}")
                .post("/api/v1/studies/{id}/cohorts", study), 400)
                .body("errors[0].field", equalTo("label"));
        problem(json().body("{\"label\":[1],\"disease\":\"SLE\",\"enrolled\":2}")
                .post("/api/v1/studies/{id}/cohorts", study), 400)
                .body("errors[0].field", equalTo("label"));
        Map<String, Object> body = study(uniqueKey("types"));
        body.put("registryIds", Map.of("a", 1));
        problem(json().body(body).post("/api/v1/studies"), 400).body("errors[0].field", equalTo("registryIds"));
        problem(json().post("/api/v1/studies"), 422).body("errors[0].field", equalTo("body"));
    }

    @Test
    void outOfRangeNumbersAre4xxNever500() {
        long study = createStudy();
        problem(json().body("{\"label\":\"x\",\"disease\":\"SLE\",\"enrolled\":99999999999999999999}")
                .post("/api/v1/studies/{id}/cohorts", study), 400);
        problem(json().body("{\"label\":\"x\",\"disease\":\"SLE\",\"enrolled\":2,\"medianAge\":1e400}")
                .post("/api/v1/studies/{id}/cohorts", study), 422).body("errors[0].field", equalTo("medianAge"));
        problem(json().body("{\"label\":\"x\",\"disease\":\"SLE\",\"enrolled\":2,\"medianAge\":-3}")
                .post("/api/v1/studies/{id}/cohorts", study), 422).body("errors[0].field", equalTo("medianAge"));
    }

    @Test
    void wrongContentTypeIs415AndUnsupportedAcceptIs406() {
        problem(curator().contentType("text/plain").body("key=x").post("/api/v1/studies"), 415);
        problem(curator().contentType("application/xml").body("<study/>").post("/api/v1/studies"), 415);
        problem(given().accept("application/xml").get("/api/v1/studies"), 406);
    }

    @Test
    void unknownPathsAre404Problems() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void aScalarQueryParameterGivenTwiceOrEmptyIs400NamingIt() throws Exception {
        problem(given().queryParam("page", 0, "abc").get("/api/v1/studies"), 400)
                .body("errors[0].field", equalTo("page")).body("errors[0].message", containsString("one value"));
        problem(given().queryParam("size", "").get("/api/v1/studies"), 400).body("errors[0].field", equalTo("size"));
        problem(given().queryParam("q", " ").get("/api/v1/studies"), 400).body("errors[0].field", equalTo("q"));
        problem(given().queryParam("size", "", "").queryParam("page", 1, 1).get("/api/v1/studies"), 400)
                .body("errors.field", equalTo(List.of("page", "size")));
        // A list parameter takes any number of values.
        given().queryParam("country", "Germany", "China").get("/api/v1/studies").then().statusCode(200);

        // Every single-valued query parameter of every operation of the contract, as the curator.
        long study = createStudy();
        long cohort = createCohort(study, cohort("A", 10));
        long outcome = createOutcome(cohort, outcome("REMISSION", 5, 10));
        Map<String, Long> ids = Map.of("studies", study, "cohorts", cohort, "outcomes", outcome);
        int tried = 0;
        for (ContractOperation op : ContractOperation.all()) {
            if (op.fhir()) {
                continue; // its refusals are OperationOutcome resources: FhirTest
            }
            Map<String, Object> required = new TreeMap<>();
            List<JsonNode> scalars = new ArrayList<>();
            for (JsonNode parameter : op.queryParameters()) {
                boolean list = "array".equals(parameter.path("schema").path("type").asText());
                if (parameter.path("required").asBoolean()) {
                    required.put(parameter.path("name").asText(), list
                            ? parameter.path("schema").path("items").path("enum").path(0).asText() : value(parameter));
                }
                if (!list) {
                    scalars.add(parameter);
                }
            }
            for (JsonNode parameter : scalars) {
                String name = parameter.path("name").asText();
                Object value = value(parameter);
                for (Object[] values : List.of(new Object[] {value, value}, new Object[] {""})) {
                    RequestSpecification request = curator().queryParams(required).queryParam(name, values);
                    if (op.requestMediaType() != null) {
                        request.contentType(op.requestMediaType()).body("{}");
                    }
                    io.restassured.response.Response refused = request.request(op.method(), op.path(ids));
                    String where = op + " " + name + "=" + List.of(values) + ": " + refused.asString();
                    assertEquals(400, refused.statusCode(), where);
                    assertTrue(refused.contentType().startsWith(Problem.MEDIA_TYPE), where);
                    assertTrue(JSON.readTree(refused.asString()).path("errors").findValuesAsText("field").contains(name),
                            where);
                }
                tried++;
            }
        }
        assertTrue(tried >= 100, "scalars tried: " + tried);
        given().get("/api/v1/studies/{id}", study).then().statusCode(200);
    }

    /** A valid value of a query parameter: its example, default or first allowed value. */
    private static Object value(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        for (JsonNode candidate : List.of(parameter.path("example"), schema.path("default"), schema.path("enum").path(0))) {
            if (!candidate.isMissingNode() && !candidate.isNull()) {
                return candidate.asText();
            }
        }
        return "boolean".equals(schema.path("type").asText()) ? "false" : "1";
    }

    @Test
    void aMethodAPathDoesNotTakeIs405NamingTheMethodsItDoes() {
        long study = createStudy();
        long cohort = createCohort(study, cohort("A", 10));
        long outcome = createOutcome(cohort, outcome("REMISSION", 5, 10));
        Map<String, Long> ids = Map.of("studies", study, "cohorts", cohort, "outcomes", outcome);
        Map<String, Set<String>> methodsOfPath = new TreeMap<>();
        Map<String, String> concretePath = new TreeMap<>();
        for (ContractOperation op : ContractOperation.all()) {
            if (op.fhir()) {
                continue; // its refusals are OperationOutcome resources: FhirTest
            }
            methodsOfPath.computeIfAbsent(op.template(), t -> new TreeSet<>()).add(op.method());
            concretePath.put(op.template(), op.path(ids));
        }
        int refused = 0;
        for (Map.Entry<String, Set<String>> path : methodsOfPath.entrySet()) {
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (!path.getValue().contains(method)) {
                    // The contract filter holds the Allow header to the contract's methods of the path.
                    problem(given().request(method, concretePath.get(path.getKey())), 405);
                    refused++;
                }
            }
        }
        assertTrue(refused >= 40, "405s tried: " + refused);

        given().delete("/api/v1/studies").then().statusCode(405).header("Allow", "GET, HEAD, POST, OPTIONS");
        given().get("/api/v1/import").then().statusCode(405).header("Allow", "POST, OPTIONS");
        given().head("/api/v1/import").then().statusCode(405).header("Allow", "POST, OPTIONS");
        curator().post("/api/v1/studies/{id}", study).then().statusCode(405)
                .header("Allow", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
        // OPTIONS answers the same list, for the path asked about (not every method of the resource class).
        given().options("/api/v1/studies/{id}", study).then().statusCode(200)
                .header("Allow", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
        given().options("/api/v1/evidence/pooled").then().statusCode(200).header("Allow", "GET, HEAD, OPTIONS");
        given().options("/api/v1/nothing-here").then().statusCode(404);
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", startsWith("urn:cart-evidence:problem:"))
                .body("title", not(equalTo("")))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.")))
                .body(not(containsString("java.")))
                .body(not(containsString("SQL")));
    }
}
