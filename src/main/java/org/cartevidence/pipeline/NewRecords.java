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
    private static final String STUDY = "id, study_key, title, citation, doi, pmid, publication_year, start_year, "
            + "phase, status, sponsor, institution, target, cell_source, gene_editing, vector, source_type, "
            + "source_note, version, created_at, updated_at";
    private static final String COHORT = "id, study_id, label, disease, enrolled, female, median_age, dose, "
            + "dose_cells_per_kg, lymphodepletion, median_follow_up_months, superseded_by_id, notes, version, "
            + "created_at, updated_at";
    private static final String OUTCOME = "id, cohort_id, measure, definition, events, total, timepoint_months, "
            + "mean_value, sd_value, median_value, unit, notes, source, version, created_at, updated_at";

    /** A new outcome and the cohort (new or stored) it belongs to. */
    private record NewOutcome(long id, Cohort cohort, OutcomeInput outcome) {
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
        study.id = nextId(Study.class, study);
        stamp(study);
        studies.add(study);
        return study;
    }

    /** A new cohort; its later report, if any, is set by the import once every cohort is known. */
    Cohort cohort(Study study, CohortInput in) {
        Cohort cohort = new Cohort();
        cohort.study = study;
        cohort.apply(in);
        cohort.id = nextId(Cohort.class, cohort);
        stamp(cohort);
        cohorts.add(cohort);
        return cohort;
    }

    void outcome(Cohort cohort, OutcomeInput in) {
        outcomes.add(new NewOutcome(nextId(Outcome.class, placeholder), cohort, in));
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
            insert(connection, "outcome", OUTCOME, outcomes, this::bindOutcome, null);
            insert(connection, "outcome", OUTCOME, outcomes, this::bindOutcome, revision.id);
        });
    }

    /** The new studies with their registry ids and countries, and the new cohorts: rows, or audit rows (revision). */
    private void insertStudiesAndCohorts(Connection connection, List<Cohort> cohortsInOrder, Long revision)
            throws SQLException {
        insert(connection, "study", STUDY, studies, NewRecords::bindStudy, revision);
        insertElements(connection, "study_registry_id", "registry_id", study -> study.registryIds, revision);
        insertElements(connection, "study_country", "country", study -> study.countries, revision);
        insert(connection, "cohort", COHORT, cohortsInOrder, NewRecords::bindCohort, revision);
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

    private void stamp(VersionedEntity entity) {
        entity.version = 0;
        entity.createdAt = now;
        entity.updatedAt = now;
    }

    /** Binds one record's columns, in the order of the table's column list, from index 1. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(Row row, T record) throws SQLException;
    }

    /**
     * Inserts the records into {@code table}, or with a revision into its audit table ({@code table_aud}, the same
     * columns and then {@code rev, revtype}).
     */
    private static <T> void insert(Connection connection, String table, String columns, List<T> records,
            Binder<T> binder, Long revision) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        int count = columns.split(",").length;
        String sql = revision == null
                ? "insert into " + table + " (" + columns + ") values (" + marks(count) + ")"
                : "insert into " + table + "_aud (" + columns + ", rev, revtype) values (" + marks(count) + ", ?, 0)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T record : records) {
                Row row = new Row(statement);
                binder.bind(row, record);
                if (revision != null) {
                    row.id(revision);
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

    /** The ordered element collections of the new studies (registry ids or countries), one row per element. */
    private void insertElements(Connection connection, String table, String column,
            Function<Study, List<String>> collection, Long revision) throws SQLException {
        record Element(long studyId, int position, String value) {
        }
        List<Element> elements = new ArrayList<>();
        for (Study study : studies) {
            List<String> values = collection.apply(study);
            for (int i = 0; i < values.size(); i++) {
                elements.add(new Element(study.id, i, values.get(i)));
            }
        }
        insert(connection, table, "study_id, position, " + column, elements,
                (row, e) -> row.id(e.studyId).integer(e.position).text(e.value), revision);
    }

    private static void bindStudy(Row row, Study s) throws SQLException {
        row.id(s.id).text(s.key).text(s.title).text(s.citation).text(s.doi).text(s.pmid).integer(s.publicationYear)
                .integer(s.startYear).name(s.phase).name(s.status).text(s.sponsor).text(s.institution).name(s.target)
                .name(s.cellSource).name(s.geneEditing).name(s.vector).name(s.sourceType).text(s.sourceNote)
                .stamps(s);
    }

    private static void bindCohort(Row row, Cohort c) throws SQLException {
        row.id(c.id).id(c.study.id).text(c.label).name(c.disease).integer(c.enrolled).integer(c.female)
                .decimal(c.medianAge).text(c.dose).decimal(c.doseCellsPerKg).text(c.lymphodepletion)
                .decimal(c.medianFollowUpMonths).id(c.supersededBy == null ? null : c.supersededBy.id).text(c.notes)
                .stamps(c);
    }

    private void bindOutcome(Row row, NewOutcome n) throws SQLException {
        OutcomeInput o = n.outcome();
        row.id(n.id()).id(n.cohort().id).name(o.measure()).text(o.definition()).integer(o.events()).integer(o.total())
                .decimal(o.timepointMonths()).decimal(o.mean()).decimal(o.sd()).decimal(o.median()).text(o.unit())
                .text(o.notes()).text(o.source()).id(0L).time(now).time(now);
    }

    /** Sets a statement's parameters one after another, with the SQL type of each null. */
    private static final class Row {
        private final PreparedStatement statement;
        private int index;

        Row(PreparedStatement statement) {
            this.statement = statement;
        }

        Row id(Long value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.BIGINT);
            } else {
                statement.setLong(++index, value);
            }
            return this;
        }

        Row integer(Integer value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.INTEGER);
            } else {
                statement.setInt(++index, value);
            }
            return this;
        }

        Row decimal(Double value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.DOUBLE);
            } else {
                statement.setDouble(++index, value);
            }
            return this;
        }

        Row text(String value) throws SQLException {
            statement.setString(++index, value);
            return this;
        }

        Row name(Enum<?> value) throws SQLException {
            return text(value == null ? null : value.name());
        }

        Row time(Instant value) throws SQLException {
            statement.setObject(++index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            return this;
        }

        Row stamps(VersionedEntity entity) throws SQLException {
            return id(entity.version).time(entity.createdAt).time(entity.updatedAt);
        }
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
