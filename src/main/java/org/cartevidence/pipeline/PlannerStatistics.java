package org.cartevidence.pipeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refreshes PostgreSQL's table statistics after an import that grew the data by a tenth or more. PostgreSQL plans
 * every query from them, and autovacuum refreshes them only in its own time (or never, where it is turned off):
 * right after a large import, a query planned for the old table sizes can scan every cohort for every page of an
 * export (bench/RESULTS-postgresql.md). H2 analyzes its tables by itself as rows change.
 */
@ApplicationScoped
public class PlannerStatistics {

    private static final Logger LOG = Logger.getLogger(PlannerStatistics.class);

    /** The tables an import writes to that reads join and filter on (the audit tables are read by key only). */
    private static final String TABLES = "study, study_registry_id, study_country, cohort, outcome";

    /** Like autovacuum's default analyze_scale_factor: refresh once a tenth of the rows are new or changed. */
    private static final double CHANGED_FRACTION = 0.1;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Inject
    EntityManager em;

    /**
     * After a committed import that wrote {@code outcomes} outcomes (created or changed). The import has landed by
     * then: a failure here is logged, not answered as the import's, since only the plans of later reads are at stake.
     */
    public void afterImport(long outcomes) {
        if (outcomes == 0 || !"postgresql".equals(dbKind)) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // -1 until the table was first analyzed
                double known = ((Number) em.createNativeQuery(
                        "select reltuples from pg_class where relname = 'outcome'").getSingleResult()).doubleValue();
                if (outcomes >= CHANGED_FRACTION * Math.max(0, known)) {
                    em.createNativeQuery("analyze " + TABLES).executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not refresh the table statistics after an import of %d outcomes", outcomes);
        }
    }
}
