package org.cartevidence.pipeline;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.cartevidence.api.VersionedEntity;
import org.cartevidence.audit.AuditRevision;
import org.cartevidence.cohort.Cohort;
import org.cartevidence.cohort.CohortInput;
import org.cartevidence.outcome.Outcome;
import org.cartevidence.outcome.OutcomeInput;
import org.cartevidence.study.Study;
import org.cartevidence.study.StudyInput;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

/**
 * The studies, cohorts and outcomes an import creates (most of its records), written with plain JDBC batches, each
 * with the audit rows Envers would write for it (revision type 0, the values as created) in the import's
 * transaction and revision. Through Hibernate every new record costs an entity in the persistence context, an insert
 * action, dirty checks at each flush and an Envers work unit; measured on a 2-core machine that was most of an
 * import's time. Ids come from Hibernate's own generators, so they never collide with the ids it hands out
 * elsewhere, and the history reads the same as for a record written through the API. The objects stay plain Java
 * objects (never managed), so the import can link and check them like stored ones before anything is written.
 */
final class NewRecords {

    private static final int BATCH = 500;
    /** A timestamp column's type, bound as an {@link OffsetDateTime}. */
    private static final int TIME = Types.TIMESTAMP_WITH_TIMEZONE;

    /** The columns of each table, in insert order; the SQL and the binding of every row come from these lists. */
    static final List<Column<Study>> STUDY = List.of(
            column("id", Types.BIGINT, s -> s.id), column("study_key", Types.VARCHAR, s -> s.key),
            column("title", Types.VARCHAR, s -> s.title), column("citation", Types.VARCHAR, s -> s.citation),
            column("doi", Types.VARCHAR, s -> s.doi), column("pmid", Types.VARCHAR, s -> s.pmid),
            column("publication_year", Types.INTEGER, s -> s.publicationYear),
            column("start_year", Types.INTEGER, s -> s.startYear), column("phase", Types.VARCHAR, s -> s.phase),
            column("status", Types.VARCHAR, s -> s.status), column("sponsor", Types.VARCHAR, s -> s.sponsor),
            column("institution", Types.VARCHAR, s -> s.institution), column("target", Types.VARCHAR, s -> s.target),
            column("cell_source", Types.VARCHAR, s -> s.cellSource),
            column("gene_editing", Types.VARCHAR, s -> s.geneEditing), column("vector", Types.VARCHAR, s -> s.vector),
            column("source_type", Types.VARCHAR, s -> s.sourceType),
            column("source_note", Types.VARCHAR, s -> s.sourceNote),
            column("version", Types.BIGINT, s -> s.version), column("created_at", TIME, s -> s.createdAt),
            column("updated_at", TIME, s -> s.updatedAt));
    static final List<Column<Cohort>> COHORT = List.of(
            column("id", Types.BIGINT, c -> c.id), column("study_id", Types.BIGINT, c -> c.study.id),
            column("label", Types.VARCHAR, c -> c.label), column("disease", Types.VARCHAR, c -> c.disease),
            column("enrolled", Types.INTEGER, c -> c.enrolled), column("female", Types.INTEGER, c -> c.female),
            column("median_age", Types.DOUBLE, c -> c.medianAge), column("dose", Types.VARCHAR, c -> c.dose),
            column("dose_cells_per_kg", Types.DOUBLE, c -> c.doseCellsPerKg),
            column("lymphodepletion", Types.VARCHAR, c -> c.lymphodepletion),
            column("median_follow_up_months", Types.DOUBLE, c -> c.medianFollowUpMonths),
            column("superseded_by_id", Types.BIGINT, Cohort::supersededById),
            column("notes", Types.VARCHAR, c -> c.notes), column("version", Types.BIGINT, c -> c.version),
            column("created_at", TIME, c -> c.createdAt), column("updated_at", TIME, c -> c.updatedAt));
    static final List<Column<NewOutcome>> OUTCOME = List.of(
            column("id", Types.BIGINT, NewOutcome::id), column("cohort_id", Types.BIGINT, n -> n.cohort().id),
            column("measure", Types.VARCHAR, n -> n.outcome().measure()),
            column("definition", Types.VARCHAR, n -> n.outcome().definition()),
            column("events", Types.INTEGER, n -> n.outcome().events()),
            column("total", Types.INTEGER, n -> n.outcome().total()),
            column("timepoint_months", Types.DOUBLE, n -> n.outcome().timepointMonths()),
            column("mean_value", Types.DOUBLE, n -> n.outcome().mean()),
            column("sd_value", Types.DOUBLE, n -> n.outcome().sd()),
            column("median_value", Types.DOUBLE, n -> n.outcome().median()),
            column("unit", Types.VARCHAR, n -> n.outcome().unit()),
            column("notes", Types.VARCHAR, n -> n.outcome().notes()),
            column("source", Types.VARCHAR, n -> n.outcome().source()),
            column("version", Types.BIGINT, n -> 0L), column("created_at", TIME, NewOutcome::created),
            column("updated_at", TIME, NewOutcome::created));
    /** The rows of a study's ordered element collections: study_registry_id and study_country. */
    static final List<Column<Element>> REGISTRY_ID = elementColumns("registry_id");
    static final List<Column<Element>> COUNTRY = elementColumns("country");

    /** A new outcome and the cohort (new or stored) it belongs to. */
    record NewOutcome(long id, Cohort cohort, OutcomeInput outcome, Instant created) {
    }

    /** One item of a study's ordered list, at its position from 0. */
    record Element(long studyId, int position, String value) {
    }

    /**
     * A column of a table and how a record gives its value: null, a number, a string, an enum (bound by its name) or
     * an instant (bound as a time in UTC).
     */
    record Column<T>(String name, int sqlType, Function<T, Object> value) {

        void bind(PreparedStatement statement, int index, T record) throws SQLException {
            Object v = value.apply(record);
            if (v == null) {
                statement.setNull(index, sqlType);
            } else if (v instanceof Long n) {
                statement.setLong(index, n);
            } else if (v instanceof Integer n) {
                statement.setInt(index, n);
            } else if (v instanceof Double n) {
                statement.setDouble(index, n);
            } else if (v instanceof String text) {
                statement.setString(index, text);
            } else if (v instanceof Enum<?> e) {
                statement.setString(index, e.name());
            } else if (v instanceof Instant instant) {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                throw new IllegalArgumentException("column " + name + ": no binding for " + v.getClass());
            }
        }
    }

    private static <T> Column<T> column(String name, int sqlType, Function<T, Object> value) {
        return new Column<>(name, sqlType, value);
    }

    private static List<Column<Element>> elementColumns(String valueColumn) {
        return List.of(column("study_id", Types.BIGINT, Element::studyId),
                column("position", Types.INTEGER, Element::position),
                column(valueColumn, Types.VARCHAR, Element::value));
    }

    private final SessionImplementor session;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final List<Study> studies = new ArrayList<>();
    private final Set<Cohort> cohorts = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<NewOutcome> outcomes = new ArrayList<>();
    private final Outcome placeholder = new Outcome(); // the id generator's argument; a sequence never reads it

    NewRecords(EntityManager em) {
        this.session = em.unwrap(SessionImplementor.class);
    }

    Study study(StudyInput in) {
        Study study = new Study();
        study.apply(in);
        study.id = stamped(study);
        studies.add(study);
        return study;
    }

    /** A new cohort; its later report, if any, is set by the import once every cohort is known. */
    Cohort cohort(Study study, CohortInput in) {
        Cohort cohort = new Cohort();
        cohort.study = study;
        cohort.apply(in);
        cohort.id = stamped(cohort);
        cohorts.add(cohort);
        return cohort;
    }

    void outcome(Cohort cohort, OutcomeInput in) {
        outcomes.add(new NewOutcome(nextId(Outcome.class, placeholder), cohort, in, now));
    }

    boolean isNew(Cohort cohort) {
        return cohort != null && cohorts.contains(cohort);
    }

    /**
     * Inserts the new rows, then flushes the session (the import's changes to stored records and Envers' revision,
     * which may point at the new rows), then inserts the new rows' audit rows in that revision. The later reports of
     * the new cohorts must form no cycle (the import checks that first).
     */
    void write(EntityManager em) {
        List<Cohort> laterReportsFirst = laterReportsFirst();
        session.doWork(connection -> insertStudiesAndCohorts(connection, laterReportsFirst, null));
        AuditRevision revision = AuditReaderFactory.get(em).getCurrentRevision(AuditRevision.class, true);
        em.flush();
        session.doWork(connection -> {
            insertStudiesAndCohorts(connection, laterReportsFirst, revision.id);
            insert(connection, "outcome", OUTCOME, outcomes, null);
            insert(connection, "outcome", OUTCOME, outcomes, revision.id);
        });
    }

    /** The new studies with their registry ids and countries, and the new cohorts: rows, or audit rows (revision). */
    private void insertStudiesAndCohorts(Connection connection, List<Cohort> cohortsInOrder, Long revision)
            throws SQLException {
        insert(connection, "study", STUDY, studies, revision);
        insert(connection, "study_registry_id", REGISTRY_ID, elements(study -> study.registryIds), revision);
        insert(connection, "study_country", COUNTRY, elements(study -> study.countries), revision);
        insert(connection, "cohort", COHORT, cohortsInOrder, revision);
    }

    /** The database checks a cohort's later report as the row goes in, so that one must be there already. */
    private List<Cohort> laterReportsFirst() {
        List<Cohort> ordered = new ArrayList<>(cohorts.size());
        Set<Cohort> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Cohort cohort : cohorts) {
            List<Cohort> chain = new ArrayList<>();
            for (Cohort c = cohort; isNew(c) && !placed.contains(c); c = c.supersededBy) {
                chain.add(c);
                placed.add(c);
            }
            Collections.reverse(chain);
            ordered.addAll(chain);
        }
        return ordered;
    }

    private long nextId(Class<?> entity, Object instance) {
        BeforeExecutionGenerator generator = (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(entity).getGenerator();
        return ((Number) generator.generate(session, instance, null, EventType.INSERT)).longValue();
    }

    /** Gives a new record its version and times, and answers its id from its entity's generator. */
    private long stamped(VersionedEntity entity) {
        entity.version = 0;
        entity.createdAt = now;
        entity.updatedAt = now;
        return nextId(entity.getClass(), entity);
    }

    /**
     * Inserts the records into {@code table}, or with a revision into its audit table ({@code table_aud}, the same
     * columns and then {@code rev, revtype}).
     */
    private static <T> void insert(Connection connection, String table, List<Column<T>> columns, List<T> records,
            Long revision) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        String names = String.join(", ", columns.stream().map(Column::name).toList());
        String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
        String sql = revision == null
                ? "insert into " + table + " (" + names + ") values (" + marks + ")"
                : "insert into " + table + "_aud (" + names + ", rev, revtype) values (" + marks + ", ?, 0)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T record : records) {
                for (int i = 0; i < columns.size(); i++) {
                    columns.get(i).bind(statement, i + 1, record);
                }
                if (revision != null) {
                    statement.setLong(columns.size() + 1, revision);
                }
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    /** The items of one ordered element collection of the new studies (registry ids or countries). */
    private List<Element> elements(Function<Study, List<String>> collection) {
        List<Element> elements = new ArrayList<>();
        for (Study study : studies) {
            List<String> values = collection.apply(study);
            for (int i = 0; i < values.size(); i++) {
                elements.add(new Element(study.id, i, values.get(i)));
            }
        }
        return elements;
    }
}
