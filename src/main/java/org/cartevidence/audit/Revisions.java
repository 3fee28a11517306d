package org.cartevidence.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.cartevidence.api.DataVersion;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data's last change. Every write of a study, cohort or outcome (deletions included) commits an audit revision in
 * its own transaction, so the highest revision number names the current state of the data, for every instance that
 * shares the database: an answer computed at revision r stays right until a revision above r exists.
 *
 * <p>Reading it costs a query, which was a quarter of a cached read's time; so the number read is kept until this
 * instance writes a revision (the next read after that commit asks the database again) or, for writes by other
 * instances sharing the database, until {@code cartevidence.cache.revision-check-interval} has passed.
 */
@ApplicationScoped
public class Revisions implements DataVersion {

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = "cartevidence.cache.revision-check-interval", defaultValue = "1s")
    Duration checkInterval;

    /** Counts this instance's committed (or rolled back) revisions: a number read before one of them is stale. */
    private final AtomicLong writes = new AtomicLong();

    private volatile Known known;

    private record Known(long revision, long writes, long readAt) {
    }

    /** The highest committed revision (0 before the first write). */
    @Override
    public long latest() {
        Known last = known;
        long now = System.nanoTime();
        if (last != null && last.writes == writes.get() && now - last.readAt < checkInterval.toNanos()) {
            return last.revision;
        }
        long writesBefore = writes.get();
        Long latest = QuarkusTransaction.joiningExisting().call(() ->
                em.createQuery("select max(r.id) from AuditRevision r", Long.class).getSingleResult());
        long revision = latest == null ? 0 : latest;
        if (writes.get() == writesBefore) { // no write of this instance ended meanwhile: the number is current
            known = new Known(revision, writesBefore, now);
        }
        return revision;
    }

    /** A revision is being written in the current transaction: once that ends, the kept number is stale. */
    void writing() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                writes.incrementAndGet();
            }
        });
    }
}
