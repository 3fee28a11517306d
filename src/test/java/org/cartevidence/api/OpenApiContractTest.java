package org.cartevidence.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cartevidence.testing.Contract;
import org.cartevidence.testing.ContractOperation;
import org.junit.jupiter.api.Test;

/**
 * The committed contract under {@code openapi/} is what the code generates (regenerate it with {@code mvn package}),
 * and every operation in it is documented the way clients need.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theCommittedJsonContractIsWhatTheCodeGenerates() throws Exception {
        JsonNode served = MAPPER.readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        JsonNode committed = MAPPER.readTree(Files.readString(Path.of("openapi", "openapi.json")));
        assertEquals(committed, served,
                "openapi/openapi.json is stale: run `mvn package -DskipTests` and commit openapi/");
    }

    @Test
    void theCommittedYamlContractIsWhatTheCodeGenerates() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode served = yaml.readTree(given().get("/q/openapi").then().statusCode(200).extract().asString());
        assertEquals(yaml.readTree(Files.readString(Path.of("openapi", "openapi.yaml"))), served,
                "openapi/openapi.yaml is stale: run `mvn package -DskipTests` and commit openapi/");
    }

    @Test
    void everyOperationIsDocumentedForClients() {
        JsonNode paths = Contract.document().get("paths");
        Set<String> operationIds = new HashSet<>();
        List<String> problems = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (!operation.hasNonNull("operationId") || !operationIds.add(operation.get("operationId").asText())) {
                problems.add(where + ": missing or duplicate operationId");
            }
            for (String field : List.of("summary", "description", "tags", "security")) {
                if (!operation.has(field)) {
                    problems.add(where + ": no " + field);
                }
            }
            List<String> statuses = new ArrayList<>();
            operation.get("responses").fieldNames().forEachRemaining(statuses::add);
            if (statuses.stream().noneMatch(s -> s.startsWith("4"))) {
                problems.add(where + ": no 4xx response");
            }
            if (statuses.stream().noneMatch(s -> s.startsWith("2"))) {
                problems.add(where + ": no 2xx response");
            }
        }));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertFalse(operationIds.isEmpty());
    }

    @Test
    void tagsComeInTheOrderAReaderMeetsThem() {
        List<String> tags = new ArrayList<>();
        Contract.document().get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
        assertEquals(List.of("Studies", "Cohorts", "Outcomes", "Evidence", "Pipelines", "FHIR", "Service"), tags);
    }

    @Test
    void schemasAreNamedAsAPersonWouldNameThem() {
        Set<String> names = new HashSet<>();
        Contract.document().path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(List.of("Study", "StudyPage", "StudyRevision", "StudyRevisionPage", "CohortPage",
                "CohortRevision", "CohortRevisionPage", "OutcomePage", "OutcomeRevision", "OutcomeRevisionPage")),
                names.toString());
        List<String> generated = names.stream()
                .filter(name -> name.contains("PageResponse") || name.contains("RevisionView") || name.endsWith("View"))
                .toList();
        assertEquals(List.of(), generated, "schema names made of Java class names");
    }

    @Test
    void noOperationTakesAParameterTwice() {
        List<String> twice = new ArrayList<>();
        for (ContractOperation op : ContractOperation.all()) {
            Set<String> names = new HashSet<>();
            for (JsonNode parameter : op.operation().path("parameters")) {
                JsonNode resolved = parameter.has("$ref")
                        ? Contract.document().at(parameter.get("$ref").asText().substring(1)) : parameter;
                if (!names.add(resolved.get("name").asText())) {
                    twice.add(op + ": " + resolved.get("name").asText());
                }
            }
        }
        assertEquals(List.of(), twice);
    }

    /** ECMA-262 and java.util.regex disagree on white space: a pattern names its characters (see Blank). */
    @Test
    void noPatternLeavesWhiteSpaceToTheRegexEngine() {
        List<String> patterns = new ArrayList<>();
        Contract.document().findValues("pattern").forEach(pattern -> {
            if (pattern.isTextual() && pattern.asText().matches("(?s).*\\\\[sS].*")) {
                patterns.add(pattern.asText());
            }
        });
        assertEquals(List.of(), patterns);
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
