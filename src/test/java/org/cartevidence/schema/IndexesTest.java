package org.cartevidence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The indexes the migrations leave, read through JDBC's metadata so that the same checks run on H2 and PostgreSQL:
 * every foreign key between records can be followed through an index, and no index is a second copy of another (H2
 * indexes foreign keys by itself, see db/migration-h2).
 */
@QuarkusTest
class IndexesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyForeignKeyLeadsAnIndexAndNoIndexIsACopyOfAnother() throws SQLException {
        List<String> unindexed = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        int foreignKeys = 0;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String table : tables(meta)) {
                Map<String, String> columnsByIndex = indexColumns(meta, table);
                Map<String, String> indexByColumns = new TreeMap<>();
                columnsByIndex.forEach((index, columns) -> {
                    String other = indexByColumns.putIfAbsent(columns, index);
                    if (other != null) {
                        copies.add(table + ": " + other + " and " + index + " on (" + columns + ")");
                    }
                });
                try (ResultSet keys = meta.getImportedKeys(null, null, table)) {
                    while (keys.next()) {
                        // Audit rows are read by record id (their key is (id, rev)), never by revision, and no
                        // revision is deleted: their reference to revinfo needs no index (on H2, which would make one,
                        // db/migration-h2/V5 drops the key).
                        if (keys.getShort("KEY_SEQ") != 1 || keys.getString("PKTABLE_NAME").equalsIgnoreCase("revinfo")) {
                            continue;
                        }
                        foreignKeys++;
                        String column = keys.getString("FKCOLUMN_NAME").toLowerCase();
                        if (columnsByIndex.values().stream().noneMatch(c -> (c + ",").startsWith(column + ","))) {
                            unindexed.add(table + "." + column);
                        }
                    }
                }
            }
        }
        assertTrue(foreignKeys >= 5, "the foreign keys between records were read: " + foreignKeys);
        assertEquals(List.of(), unindexed, "foreign keys no index starts with");
        assertEquals(List.of(), copies, "indexes on the same columns");
    }

    /**
     * db/migration-h2/V5 drops the audit tables' foreign keys to revinfo by the names H2 gives them: none may be left
     * on H2 and no primary key may have gone with them. PostgreSQL keeps the keys.
     */
    @Test
    void auditTablesKeepTheirPrimaryKeysAndReferToRevisionsOnlyOutsideH2() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            boolean h2 = meta.getDatabaseProductName().equalsIgnoreCase("H2");
            List<String> auditTables = tables(meta).stream().filter(t -> t.toLowerCase().endsWith("_aud")).toList();
            assertEquals(5, auditTables.size(), "audit tables: " + auditTables);
            for (String table : auditTables) {
                List<String> primaryKey = new ArrayList<>();
                try (ResultSet rs = meta.getPrimaryKeys(null, null, table)) {
                    while (rs.next()) {
                        primaryKey.add(rs.getString("COLUMN_NAME").toLowerCase());
                    }
                }
                assertTrue(primaryKey.contains("rev"), table + "'s primary key holds rev: " + primaryKey);
                List<String> revisionKeys = new ArrayList<>();
                try (ResultSet keys = meta.getImportedKeys(null, null, table)) {
                    while (keys.next()) {
                        if (keys.getString("PKTABLE_NAME").equalsIgnoreCase("revinfo")) {
                            revisionKeys.add(keys.getString("FK_NAME"));
                        }
                    }
                }
                assertEquals(h2 ? 0 : 1, revisionKeys.size(), table + "'s foreign keys to revinfo: " + revisionKeys);
            }
        }
    }

    private static List<String> tables(DatabaseMetaData meta) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema != null && schema.equalsIgnoreCase("public")) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return tables;
    }

    /** Each index of the table with its columns in order, "a,b". */
    private static Map<String, String> indexColumns(DatabaseMetaData meta, String table) throws SQLException {
        Map<String, TreeMap<Short, String>> columns = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && column != null) {
                    columns.computeIfAbsent(index, i -> new TreeMap<>())
                            .put(rs.getShort("ORDINAL_POSITION"), column.toLowerCase());
                }
            }
        }
        Map<String, String> joined = new TreeMap<>();
        columns.forEach((index, byPosition) -> joined.put(index, String.join(",", byPosition.values())));
        return joined;
    }
}
