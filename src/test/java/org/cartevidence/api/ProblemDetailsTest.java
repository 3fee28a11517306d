package org.cartevidence.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
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
            "includeSuperseded, maybe", "groupBy, everything"})
    void badEvidenceParametersAre400SayingWhatTheyMustBe(String parameter, String value) {
        problem(given().queryParam("measure", "REMISSION").queryParam(parameter, value)
                .get("/api/v1/evidence/pooled"), 400)
                .body("errors[0].field", equalTo(parameter))
                .body("errors[0].message", startsWith("must be"));
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
    void aMethodAPathDoesNotTakeIs405NamingTheMethodsItDoes() {
        long study = createStudy();
        long cohort = createCohort(study, cohort("A", 10));
        long outcome = createOutcome(cohort, outcome("REMISSION", 5, 10));
        Map<String, Long> ids = Map.of("studies", study, "cohorts", cohort, "outcomes", outcome);
        Map<String, Set<String>> methodsOfPath = new TreeMap<>();
        Map<String, String> concretePath = new TreeMap<>();
        for (ContractOperation op : ContractOperation.all()) {
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
