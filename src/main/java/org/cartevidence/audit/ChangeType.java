package org.cartevidence.audit;

import org.hibernate.envers.RevisionType;

/** What a revision did to the record. */
public enum ChangeType {
    CREATED, UPDATED, DELETED;

    static ChangeType of(RevisionType type) {
        return switch (type) {
            case ADD -> CREATED;
            case MOD -> UPDATED;
            case DEL -> DELETED;
        };
    }
}
