package org.cartevidence.pipeline;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cartevidence.audit.AuditRevision;
import org.cartevidence.cohort.Cohort;
import org.cartevidence.outcome.Outcome;
import org.cartevidence.outcome.OutcomeInput;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

/**
 * Writes the outcomes an import creates (most of its records) with plain JDBC batches, each with the audit row
 * Envers would write for it (revision type 0, the values as created), in the import's transaction and revision.
 * Going through Hibernate costs an entity, an insert action and an audit map per outcome; measured on a 2-core
 * machine that was most of an import's time. Ids come from Hibernate's own generator, so they never collide with
 * the ids it hands out elsewhere; the revision is Envers' revision of this transaction, so the history reads the
 * same as for a record written through the API.
 */
final class OutcomeInserts {

    private static final int BATCH = 500;
    private static final String COLUMNS = "id, cohort_id, measure, definition, events, total, timepoint_months, "
            + "mean_value, sd_value, median_value, unit, notes, source, version, created_at, updated_at";

    /** A new outcome and the cohort it belongs to (already flushed, so that its row exists). */
    record Pending(Cohort cohort, OutcomeInput outcome) {
    }

    private OutcomeInserts() {
    }

    static void insert(EntityManager em, List<Pending> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        AuditRevision revision = AuditReaderFactory.get(em).getCurrentRevision(AuditRevision.class, true);
        em.flush(); // the cohorts and the revision must exist before rows point at them
        BeforeExecutionGenerator ids = (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(Outcome.class).getGenerator();
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        Outcome placeholder = new Outcome();
        session.doWork(connection -> {
            try (PreparedStatement rows = connection.prepareStatement("insert into outcome (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement audit = connection.prepareStatement("insert into outcome_aud (" + COLUMNS
                            + ", rev, revtype) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                int pending = 0;
                for (Pending p : outcomes) {
                    long id = ((Number) ids.generate(session, placeholder, null, EventType.INSERT)).longValue();
                    bind(rows, id, p, now);
                    rows.addBatch();
                    bind(audit, id, p, now);
                    audit.setLong(17, revision.id);
                    audit.addBatch();
                    if (++pending == BATCH) {
                        rows.executeBatch();
                        audit.executeBatch();
                        pending = 0;
                    }
                }
                rows.executeBatch();
                audit.executeBatch();
            }
        });
    }

    private static void bind(PreparedStatement s, long id, Pending p, OffsetDateTime now) throws SQLException {
        OutcomeInput o = p.outcome();
        s.setLong(1, id);
        s.setLong(2, p.cohort().id);
        s.setString(3, o.measure().name());
        s.setString(4, o.definition());
        s.setInt(5, o.events());
        s.setInt(6, o.total());
        setDouble(s, 7, o.timepointMonths());
        setDouble(s, 8, o.mean());
        setDouble(s, 9, o.sd());
        setDouble(s, 10, o.median());
        s.setString(11, o.unit());
        s.setString(12, o.notes());
        s.setString(13, o.source());
        s.setLong(14, 0);
        s.setObject(15, now);
        s.setObject(16, now);
    }

    private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }
}
