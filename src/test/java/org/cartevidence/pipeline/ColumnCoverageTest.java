package org.cartevidence.pipeline;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cartevidence.cohort.Cohort;
import org.cartevidence.outcome.Outcome;
import org.cartevidence.study.Study;
import org.cartevidence.testing.ApiTest;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every column of every record table, as the database has it after the migrations, is written by the import's
 * inserts, kept by the audit, exported (NDJSON and CSV) and shown by the history; or it is listed below as
 * deliberately left out of the documents, with the reason. A column added to a table (and its entity, input and
 * view) and forgotten in one of those places fails here, with the place named.
 */
@QuarkusTest
class ColumnCoverageTest extends ApiTest {

    /** The import's insert columns of each record table (the element collections are tables of their own). */
    private static final Map<String, List<String>> INSERTED = Map.of(
            "study", names(NewRecords.STUDY), "study_registry_id", names(NewRecords.REGISTRY_ID),
            "study_country", names(NewRecords.COUNTRY), "cohort", names(NewRecords.COHORT),
            "outcome", names(NewRecords.OUTCOME));

    /** Where each table's values are in a study document. */
    private static final Map<String, String> DOCUMENT_LEVEL = Map.of("study", "study", "study_registry_id", "study",
            "study_country", "study", "cohort", "cohort", "outcome", "outcome");

    /** Columns the documents (import and export) leave out, and why. */
    private static final Map<String, String> NOT_IN_DOCUMENTS = notInDocuments();

    private static Map<String, String> notInDocuments() {
        Map<String, String> left = new TreeMap<>();
        for (String table : List.of("study", "cohort", "outcome")) {
            left.put(table + ".id", "ids belong to one database: a document names a study by its key, a cohort by "
                    + "its label, an outcome by measure, definition and timepointMonths");
            for (String stamp : List.of("version", "created_at", "updated_at")) {
                left.put(table + "." + stamp, "kept by each database for its own writes");
            }
        }
        left.put("cohort.study_id", "a cohort is inside its study's document");
        left.put("outcome.cohort_id", "an outcome is inside its cohort");
        for (String list : List.of("study_registry_id", "study_country")) {
            left.put(list + ".study_id", "a list is inside its study's document");
            left.put(list + ".position", "the order of the list in the document");
        }
        return left;
    }

    /** The history shows a record's values: all but how a list is stored. */
    private static final Set<String> NOT_IN_HISTORY = Set.of("study_registry_id.study_id", "study_registry_id.position",
            "study_country.study_id", "study_country.position");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    private Map<String, Set<String>> columns;
    private Map<String, String> attributes;

    @BeforeEach
    void readTheSchema() throws SQLException {
        columns = columnsOfTables();
        attributes = attributesOfColumns();
    }

    @Test
    void everyColumnIsMappedByAnEntity() {
        List<String> unmapped = all(columns).stream().filter(c -> !attributes.containsKey(c)).toList();
        assertEquals(List.of(), unmapped, "columns no attribute of Study, Cohort or Outcome maps");
    }

    @Test
    void theImportInsertsEveryColumnAndTheAuditKeepsThem() {
        assertEquals(new TreeSet<>(INSERTED.keySet()), new TreeSet<>(recordTables()),
                "the record tables and those pipeline/NewRecords inserts into");
        for (String table : recordTables()) {
            assertEquals(columns.get(table), new TreeSet<>(INSERTED.get(table)),
                    "pipeline/NewRecords: the columns of its insert into " + table);
            Set<String> audited = new TreeSet<>(columns.get(table));
            audited.addAll(List.of("rev", "revtype"));
            assertEquals(audited, columns.get(table + "_aud"),
                    "db/migration: " + table + "_aud has the columns of " + table + " and rev, revtype");
        }
    }

    @Test
    void theExportAndTheHistoryShowEveryColumn() throws Exception {
        String key = uniqueKey("columns");
        long study = createStudy(everyStudyField(key));
        long later = createCohort(study, cohort("B", 20));
        long cohort = createCohort(study, everyCohortField("A", 20, later));
        long outcome = createOutcome(cohort, everyOutcomeField("REMISSION", 3, 10));

        JsonNode document = new ObjectMapper().readTree(given().queryParam("q", key).queryParam("format", "ndjson")
                .get("/api/v1/export").then().statusCode(200).extract().asString());
        JsonNode cohortA = document.get("cohorts").get(0);
        assertEquals("A", cohortA.get("label").asText());
        Map<String, JsonNode> exported = Map.of("study", document, "cohort", cohortA,
                "outcome", cohortA.get("outcomes").get(0));
        List<String> header = List.of(given().queryParam("q", key).queryParam("format", "csv").get("/api/v1/export")
                .then().statusCode(200).extract().asString().lines().findFirst().orElseThrow().split(","));
        Map<String, JsonNode> history = Map.of(
                "study", values("/api/v1/studies/{id}/history", study),
                "cohort", values("/api/v1/cohorts/{id}/history", cohort),
                "outcome", values("/api/v1/outcomes/{id}/history", outcome));

        List<String> notExported = new ArrayList<>();
        List<String> notInCsv = new ArrayList<>();
        List<String> notInHistory = new ArrayList<>();
        for (String column : all(columns)) {
            String table = column.substring(0, column.indexOf('.'));
            String level = DOCUMENT_LEVEL.get(table);
            String field = attributes.get(column);
            if (!NOT_IN_DOCUMENTS.containsKey(column)) {
                if (!present(exported.get(level), field)) {
                    notExported.add(column + " (" + level + "." + field + ")");
                }
                String csvColumn = level + "." + field;
                if (header.stream().noneMatch(h -> h.equals(csvColumn) || h.startsWith(csvColumn + "."))) {
                    notInCsv.add(column + " (" + csvColumn + ")");
                }
            }
            // A reference to another record shows as its id: study -> studyId, supersededBy stays supersededBy.
            if (!NOT_IN_HISTORY.contains(column) && !present(history.get(level), field)
                    && !present(history.get(level), field + "Id")) {
                notInHistory.add(column + " (" + field + ")");
            }
        }
        assertEquals(List.of(), notExported, "pipeline/ExportService (its row records and their select new): "
                + "columns missing from the NDJSON export of a record with every field set");
        assertEquals(List.of(), notInCsv, "pipeline/ExportService.csv: columns missing from the CSV header");
        assertEquals(List.of(), notInHistory, "the record's view (StudyView, CohortView, OutcomeView): "
                + "columns missing from the history's values");
        assertTrue(NOT_IN_DOCUMENTS.keySet().stream().allMatch(attributes::containsKey),
                () -> "columns listed as left out that no longer exist: " + NOT_IN_DOCUMENTS.keySet());
    }

    private static boolean present(JsonNode node, String field) {
        return node.hasNonNull(field);
    }

    /** The values of the record's latest revision. */
    private static JsonNode values(String path, long id) {
        try {
            JsonNode items = new ObjectMapper().readTree(given().get(path, id).then().statusCode(200).extract()
                    .asString()).get("items");
            return items.get(items.size() - 1).get("values");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> recordTables() {
        return columns.keySet().stream()
                .filter(t -> !t.endsWith("_aud") && !Set.of("revinfo", "app_user", "flyway_schema_history").contains(t))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** "table.column" of every column of the record tables (not their audit tables). */
    private Set<String> all(Map<String, Set<String>> columnsOfTables) {
        Set<String> all = new TreeSet<>();
        recordTables().forEach(table -> columnsOfTables.get(table).forEach(column -> all.add(table + "." + column)));
        return all;
    }

    /** The columns of each table of the public schema, in lower case (H2 answers upper case). */
    private Map<String, Set<String>> columnsOfTables() throws SQLException {
        Map<String, Set<String>> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            // Tables only: not Hibernate's temporary tables (HTE_...) for bulk statements.
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && schema.equalsIgnoreCase("public")) {
                        tables.put(rs.getString("TABLE_NAME"), new TreeSet<>());
                    }
                }
            }
            for (Map.Entry<String, Set<String>> table : tables.entrySet()) {
                try (ResultSet rs = meta.getColumns(null, null, table.getKey(), "%")) {
                    while (rs.next()) {
                        String schema = rs.getString("TABLE_SCHEM");
                        if (schema != null && schema.equalsIgnoreCase("public")) {
                            table.getValue().add(rs.getString("COLUMN_NAME").toLowerCase());
                        }
                    }
                }
            }
        }
        Map<String, Set<String>> lowerCase = new TreeMap<>();
        tables.forEach((name, columns) -> lowerCase.put(name.toLowerCase(), columns));
        assertTrue(lowerCase.containsKey("study") && lowerCase.containsKey("outcome_aud"),
                "tables read: " + lowerCase.keySet());
        return lowerCase;
    }

    /**
     * For each "table.column" the entities map, the attribute (the field of the input and view) it holds; a list's
     * owner and position columns map to the list.
     */
    private Map<String, String> attributesOfColumns() {
        SessionFactoryImplementor factory = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class);
        Map<String, String> attributes = new TreeMap<>();
        for (Class<?> entity : List.of(Study.class, Cohort.class, Outcome.class)) {
            EntityMappingType type = factory.getMappingMetamodel().getEntityDescriptor(entity);
            type.getIdentifierMapping().forEachSelectable((i, s) -> attributes.put(key(s), "id"));
            type.forEachAttributeMapping(attribute -> {
                String name = attribute.getAttributeName();
                if (attribute instanceof PluralAttributeMapping list) {
                    list.getElementDescriptor().forEachSelectable((i, s) -> attributes.put(key(s), name));
                    list.getKeyDescriptor().visitKeySelectables((i, s) -> attributes.put(key(s), name));
                    if (list.getIndexDescriptor() != null) {
                        list.getIndexDescriptor().forEachSelectable((i, s) -> attributes.put(key(s), name));
                    }
                } else {
                    attribute.forEachSelectable((i, s) -> attributes.put(key(s), name));
                }
            });
        }
        return attributes;
    }

    private static String key(SelectableMapping selectable) {
        return (selectable.getContainingTableExpression() + "." + selectable.getSelectionExpression()).toLowerCase();
    }

    private static List<String> names(List<? extends NewRecords.Column<?>> columns) {
        return columns.stream().map(NewRecords.Column::name).toList();
    }
}
