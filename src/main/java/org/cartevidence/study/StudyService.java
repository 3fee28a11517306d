package org.cartevidence.study;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cartevidence.api.ApiException;
import org.cartevidence.api.JsonMergePatch;
import org.cartevidence.api.ListQuery;
import org.cartevidence.api.PageParams;
import org.cartevidence.api.PageResponse;

/** Reads and writes studies; each write is one transaction. */
@ApplicationScoped
public class StudyService {

    @Inject
    EntityManager em;

    @Inject
    JsonMergePatch mergePatch;

    @Inject
    Event<StudyDeletion> deletion;

    public Study get(long id) {
        Study study = em.find(Study.class, id);
        if (study == null) {
            throw ApiException.notFound("study", id);
        }
        return study;
    }

    @Transactional
    public PageResponse<StudyView> list(StudyFilter f, PageParams page) {
        return matching(f)
                .where("s.updatedAt >= :updatedSince", "updatedSince", f.updatedSince)
                .page(em, page, StudySort.values(), StudyView::of);
    }

    /** The studies (alias {@code s}) that pass every filter of {@code f} but {@code updatedSince}. */
    public static ListQuery<Study> matching(StudyFilter f) {
        return f.criteria().applyTo(ListQuery.from(Study.class, "s"))
                .containsText(f.q, "s.title", "s.key", "s.doi", "s.sponsor",
                        "exists (select 1 from Study s2 join s2.registryIds r where s2 = s and lower(r) like :q escape '\\')")
                .where("exists (select 1 from Cohort c where c.study = s and c.disease in :disease)", "disease", f.disease);
    }

    @Transactional
    public Study create(StudyInput in) {
        requireFreeKey(in.key(), null);
        Study study = new Study();
        study.apply(in);
        study.persist();
        em.flush();
        return study;
    }

    @Transactional
    public Study replace(long id, StudyInput in, Consumer<Study> precondition) {
        return update(id, study -> in, precondition);
    }

    @Transactional
    public Study patch(long id, JsonNode patch, Consumer<Study> precondition) {
        return update(id, study -> mergePatch.apply(StudyInput.of(study), patch, StudyInput.class), precondition);
    }

    private Study update(long id, Function<Study, StudyInput> input, Consumer<Study> precondition) {
        Study study = get(id);
        precondition.accept(study);
        StudyInput in = input.apply(study);
        requireFreeKey(in.key(), study.id);
        study.apply(in);
        em.flush();
        return study;
    }

    /**
     * Deletes a study. With cohorts it is refused unless {@code cascade}: then its outcomes and cohorts go too, and
     * cohorts of other studies that pointed at them as their later report lose that link (and get a new version).
     * All of it is one transaction: a failure anywhere leaves everything as it was.
     */
    @Transactional
    public void delete(long id, boolean cascade, Consumer<Study> precondition) {
        Study study = get(id);
        precondition.accept(study);
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
