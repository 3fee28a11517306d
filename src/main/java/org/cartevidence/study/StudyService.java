package org.cartevidence.study;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Consumer;
import org.cartevidence.api.ApiException;
import org.cartevidence.api.ListQuery;
import org.cartevidence.api.PageParams;
import org.cartevidence.api.PageResponse;
import org.cartevidence.api.RecordService;

/** Reads and writes studies; each write is one transaction. */
@ApplicationScoped
public class StudyService extends RecordService<Study, StudyInput> {

    @Inject
    Event<StudyDeletion> deletion;

    StudyService() {
        super(Study.class, StudyInput.class, StudyInput::of, "study");
    }

    @Transactional
    public PageResponse<StudyView> list(StudyListFilter f, PageParams page) {
        return matching(f)
                .updatedSince(f.changed.updatedSince)
                .page(em, page, StudySort.values(), StudyView::of);
    }

    /** The studies (alias {@code s}) that pass every filter of {@code f} but {@code updatedSince}. */
    public static ListQuery<Study> matching(StudyListFilter f) {
        return f.studiesIn(ListQuery.from(Study.class, "s"))
                .containsText(f.q, "s.title", "s.key", "s.doi", "s.sponsor",
                        "exists (select 1 from Study s2 join s2.registryIds r where s2 = s and lower(r) like :q escape '\\')");
    }

    @Transactional
    public Study create(StudyInput in) {
        return insert(new Study(), in);
    }


    @Override
    protected void write(Study study, StudyInput in) {
        requireFreeKey(in.key(), study.id);
        study.apply(in);
    }

    /**
     * Deletes a study. With cohorts it is refused unless {@code cascade}: then its outcomes and cohorts go too, and
     * cohorts of other studies that pointed at them as their later report lose that link (and get a new version).
     * All of it is one transaction: a failure anywhere leaves everything as it was.
     */
    @Transactional
    public void delete(long id, boolean cascade, Consumer<? super Study> precondition) {
        Study study = writable(id, precondition);
        long cohorts = em.createQuery("select count(c) from Cohort c where c.study.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (cohorts > 0 && !cascade) {
            throw ApiException.conflict("study " + id + " has " + cohorts
                    + " cohort(s); delete them first or repeat with cascade=true");
        }
        if (cohorts > 0) {
            deletion.fire(new StudyDeletion(study));
        }
        study.delete();
        em.flush();
    }

    private void requireFreeKey(String key, Long self) {
        List<Long> holders = em.createQuery("select s.id from Study s where s.key = :key and s.id <> :self", Long.class)
                .setParameter("key", key).setParameter("self", self == null ? -1L : self).getResultList();
        StudyRules.keyUnique(!holders.isEmpty()).ifPresent(error -> {
            throw new ApiException(409, "duplicate-key", "Duplicate key",
                    "a study with key '" + key + "' already exists (id " + holders.get(0) + ")", List.of(error));
        });
    }
}
