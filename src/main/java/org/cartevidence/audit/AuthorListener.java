package org.cartevidence.audit;

import io.quarkus.arc.Arc;
import org.hibernate.envers.RevisionListener;

/** Stamps each new revision with its author, and tells {@link Revisions} that the data is changing. */
public class AuthorListener implements RevisionListener {

    @Override
    public void newRevision(Object revision) {
        ((AuditRevision) revision).username = Authors.current();
        Arc.container().instance(Revisions.class).get().writing();
    }
}
