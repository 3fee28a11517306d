package org.cartevidence.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The data's last change. Every write of a study, cohort or outcome (deletions included) commits an audit revision in
 * its own transaction, so the highest revision number names the current state of the data, for every instance that
 * shares the database: an answer computed at revision r stays right until a revision above r exists.
 */
@ApplicationScoped
public class Revisions {

    @Inject
    EntityManager em;

    /** The highest committed revision (0 before the first write); one primary-key lookup. */
    @Transactional
    public long latest() {
        Long latest = em.createQuery("select max(r.id) from AuditRevision r", Long.class).getSingleResult();
        return latest == null ? 0 : latest;
    }
}
