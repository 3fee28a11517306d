package org.cartevidence.audit;

import org.hibernate.envers.RevisionListener;

/** Stamps each new revision with its author. */
public class AuthorListener implements RevisionListener {

    @Override
    public void newRevision(Object revision) {
        ((AuditRevision) revision).username = Authors.current();
    }
}
