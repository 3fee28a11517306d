package org.cartevidence.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.cartevidence.api.ListQuery;
import org.cartevidence.outcome.Outcome;

/** Finds the outcome counts to pool: one projection query over outcome, cohort and study. */
@ApplicationScoped
public class PooledRows {

    /** Latest: the larger time point, an outcome without one counting as the earliest; then the newer record. */
    private static final Comparator<PooledRow> LATEST = Comparator
            .comparing(PooledRow::timepointMonths, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(PooledRow::outcomeId);

    private static final String SELECT = "select new " + PooledRow.class.getName() + "(o.id, o.events, o.total, "
            + "o.timepointMonths, c.id, c.label, c.disease, c.enrolled, s.id, s.key, s.title, s.citation, "
            + "s.publicationYear, s.target, s.cellSource, s.geneEditing, s.phase, s.sourceType)";

    /** The pooled numbers only: no titles or citations to carry, and no plot order to sort by. */
    private static final String SELECT_NUMBERS = SELECT.replace("s.title, s.citation", "cast(null as String), "
            + "cast(null as String)");

    private static final String JOINS = "join o.cohort c join c.study s";

    @Inject
    EntityManager em;

    /**
     * Each matching cohort's latest outcome, handed to {@code cohort} as the rows are read: in plot order
     * (publication year, study key, cohort label) with {@code details}; without, in cohort id order and without
     * titles and citations. Only the current cohort's outcomes are held, so pooling every cohort of 100,000 studies
     * needs no more memory than what {@code cohort} keeps. The latest is picked here rather than in SQL because
     * "latest" with unknown time points first and ties broken by id needs a window function or a nested not-exists
     * there, while a cohort has only a few outcomes of one measure.
     */
    @Transactional
    public void forEachCohort(EvidenceQuery q, boolean details, Consumer<PooledRow> cohort) {
        LatestPerCohort latest = new LatestPerCohort(cohort);
        try (Stream<PooledRow> outcomes = matching(q).stream(em, details ? SELECT : SELECT_NUMBERS, JOINS,
                details ? "s.publicationYear asc nulls last, s.key, c.label, c.id" : "c.id", PooledRow.class)) {
            outcomes.forEachOrdered(latest);
        }
        latest.finish();
    }

    /** How many cohorts the question pools (one query, nothing loaded). */
    @Transactional
    public long cohorts(EvidenceQuery q) {
        return matching(q).count(em, "count(distinct c.id)", JOINS);
    }

    private static ListQuery<Outcome> matching(EvidenceQuery q) {
        return q.studies.cohortsIn(ListQuery.from(Outcome.class, "o"))
                .where("o.measure = :measure", "measure", q.measure)
                .where("o.timepointMonths = :timepointMonths", "timepointMonths", q.timepointMonths)
                .whereIf(!q.includeSuperseded, "c.supersededBy is null");
    }

    /**
     * Passes on each cohort's latest outcome. Both orders end with the cohort id (and a study key or cohort label
     * belongs to one study and cohort), so one cohort's rows come one after another.
     */
    static final class LatestPerCohort implements Consumer<PooledRow> {

        private final Consumer<PooledRow> downstream;
        private PooledRow current;

        LatestPerCohort(Consumer<PooledRow> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void accept(PooledRow outcome) {
            if (current != null && current.cohortId() != outcome.cohortId()) {
                downstream.accept(current);
                current = outcome;
            } else if (current == null || LATEST.compare(outcome, current) > 0) {
                current = outcome;
            }
        }

        /** Passes on the last cohort's. */
        void finish() {
            if (current != null) {
                downstream.accept(current);
                current = null;
            }
        }
    }
}
