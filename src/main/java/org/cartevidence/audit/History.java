package org.cartevidence.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.cartevidence.api.ApiException;
import org.cartevidence.api.PageResponse;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.AuditQuery;

/** Reads the recorded revisions of one record, deleted or not, oldest first. */
@ApplicationScoped
public class History {

    @Inject
    EntityManager em;

    /**
     * One page of the revisions of the {@code type} record with this id, each with its values as {@code view}
     * shows them. 404 only for an id that never existed (a record older than the audit has no revisions but exists).
     */
    @Transactional
    public <E, V> PageResponse<RevisionView<V>> of(Class<E> type, String what, long id, HistoryParams page,
            Function<E, V> view) {
        AuditReader reader = AuditReaderFactory.get(em);
        long total = (Long) revisions(reader, type, id).addProjection(AuditEntity.revisionNumber().count())
                .getSingleResult();
        if (total == 0 && em.find(type, id) == null) {
            throw ApiException.notFound(what, id);
        }
        int size = page.effectiveSize();
        List<RevisionView<V>> items = List.of();
        if ((long) page.page * size < total) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = revisions(reader, type, id).addOrder(AuditEntity.revisionNumber().asc())
                    .setFirstResult(page.page * size).setMaxResults(size).getResultList();
            items = rows.stream().map(row -> {
                AuditRevision revision = (AuditRevision) row[1];
                ChangeType change = ChangeType.of((RevisionType) row[2]);
                @SuppressWarnings("unchecked")
                E values = (E) row[0];
                if (change == ChangeType.DELETED) {
                    // A deletion row keeps the scalar values but not the element collections: show the record as
                    // it was just before, which is what the deletion removed.
                    E before = reader.find(type, id, revision.id - 1);
                    values = before != null ? before : values;
                }
                return new RevisionView<>(revision.id, change, revision.username,
                        Instant.ofEpochMilli(revision.timestamp), view.apply(values));
            }).toList();
        }
        return PageResponse.of(items, page.page, size, total);
    }

    private static AuditQuery revisions(AuditReader reader, Class<?> type, long id) {
        return reader.createQuery().forRevisionsOfEntity(type, false, true).add(AuditEntity.id().eq(id));
    }
}
