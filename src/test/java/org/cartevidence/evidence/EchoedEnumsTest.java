package org.cartevidence.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cartevidence.testing.Contract;
import org.cartevidence.testing.ContractOperation;
import org.junit.jupiter.api.Test;

/**
 * The names an analysis takes as a parameter and echoes in its answer are enumerated in the contract, both as the
 * parameter and in the answer, exactly as the service parses them ({@link QueryOption}).
 */
class EchoedEnumsTest {

    private static final JsonNode SCHEMAS = Contract.document().path("components").path("schemas");

    @Test
    void everyEchoedOptionIsAnEnumOfTheNamesTheServiceTakes() {
        Set<String> ml = new TreeSet<>(EvidenceQuery.TAU2.choices().keySet());
        ml.add("ML"); // the GLMM's estimator, which the parameter does not take
        List<Object[]> echoes = List.of(
                echo("groupBy", GroupBy.OPTION.choices().keySet(), "PooledEstimates", "SequentialAnalysis"),
                echo("method", EvidenceQuery.METHOD.choices().keySet(), "PooledEstimates", "SequentialAnalysis",
                        "MetaRegression", "SubgroupDifferences"),
                echo("method", EvidenceQuery.METHOD_USED.choices().keySet(), "PooledGroup", "SequentialStep"),
                echo("model", EvidenceQuery.MODEL.choices().keySet(), "PooledEstimates", "SequentialAnalysis",
                        "MetaRegression"),
                echo("tau2Estimator", ml, "PooledEstimates", "SequentialAnalysis", "MetaRegression"),
                echo("transform", EvidenceQuery.TRANSFORM.choices().keySet(), "PooledEstimates",
                        "SequentialAnalysis", "MetaRegression"),
                echo("ci", EvidenceQuery.CI.choices().keySet(), "PooledEstimates", "SequentialAnalysis",
                        "MetaRegression"),
                echo("cohortCi", PooledQuery.COHORT_CI.choices().keySet(), "PooledEstimates"),
                echo("analysis", Stream.of(SequentialResult.Kind.values()).map(k -> k.parameterValue).toList(),
                        "SequentialAnalysis"),
                echo("moderators", Moderator.OPTION.choices().keySet(), "MetaRegression"));
        List<String> wrong = new ArrayList<>();
        for (Object[] echo : echoes) {
            String field = (String) echo[0];
            for (String schema : (String[]) echo[2]) {
                JsonNode property = SCHEMAS.path(schema).path("properties").path(field);
                JsonNode values = property.has("items") ? property.path("items").path("enum") : property.path("enum");
                if (!echo[1].equals(names(values))) {
                    wrong.add(schema + "." + field + ": " + names(values) + " but the service takes " + echo[1]);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyOptionParameterIsAnEnumOfTheNamesTheServiceTakes() {
        List<Object[]> parameters = List.of(
                echo("groupBy", GroupBy.OPTION.choices().keySet()),
                echo("method", EvidenceQuery.METHOD.choices().keySet()),
                echo("model", EvidenceQuery.MODEL.choices().keySet()),
                echo("tau2", EvidenceQuery.TAU2.choices().keySet()),
                echo("transform", EvidenceQuery.TRANSFORM.choices().keySet()),
                echo("ci", EvidenceQuery.CI.choices().keySet()),
                echo("cohortCi", PooledQuery.COHORT_CI.choices().keySet()),
                echo("moderators", Moderator.OPTION.choices().keySet()));
        List<String> wrong = new ArrayList<>();
        int seen = 0;
        for (ContractOperation op : ContractOperation.all()) {
            for (JsonNode parameter : op.queryParameters()) {
                for (Object[] option : parameters) {
                    if (parameter.path("name").asText().equals(option[0])) {
                        seen++;
                        JsonNode schema = parameter.path("schema");
                        JsonNode values = schema.has("items") ? schema.path("items").path("enum") : schema.path("enum");
                        if (!option[1].equals(names(values))) {
                            wrong.add(op + " " + option[0] + ": " + names(values) + " but the service takes "
                                    + option[1]);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(true, seen > 30, "option parameters found: " + seen);
    }

    private static Object[] echo(String field, java.util.Collection<String> names, String... schemas) {
        return new Object[] {field, new TreeSet<>(names), schemas};
    }

    private static Set<String> names(JsonNode values) {
        Set<String> names = new TreeSet<>();
        values.forEach(value -> names.add(value.asText()));
        return names;
    }
}
