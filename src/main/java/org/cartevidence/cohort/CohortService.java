package org.cartevidence.cohort;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cartevidence.api.ApiException;
import org.cartevidence.api.JsonMergePatch;
import org.cartevidence.api.ListQuery;
import org.cartevidence.api.PageParams;
import org.cartevidence.api.PageResponse;
import org.cartevidence.api.Problem.FieldError;
import org.cartevidence.study.Study;
import org.cartevidence.study.StudyDeletion;
import org.cartevidence.study.StudyService;

/** Reads and writes cohorts, keeping their invariants: female within enrolled, outcomes within enrolled, no cycle of supersession. */
@ApplicationScoped
public class CohortService {

    @Inject
    EntityManager em;

    @Inject
    StudyService studies;

    @Inject
    JsonMergePatch mergePatch;

    @Inject
    Event<CohortDeletion> deletion;

    public Cohort get(long id) {
        return found(em.find(Cohort.class, id), id);
    }

    /**
     * Loads a cohort locked against concurrent writes until the transaction ends: the checks of enrolled against its
     * outcomes' totals (here and in the outcome service) then see a state no one else is changing.
     */
    public Cohort getForWrite(long id) {
        return found(em.find(Cohort.class, id, LockModeType.PESSIMISTIC_WRITE), id);
    }

    private static Cohort found(Cohort cohort, long id) {
        if (cohort == null) {
            throw ApiException.notFound("cohort", id);
        }
        return cohort;
    }

    @Transactional
    public PageResponse<CohortView> list(CohortFilter f, PageParams page) {
        return ListQuery.from(Cohort.class, "c")
                .where("c.study.id = :studyId", "studyId", f.studyId)
                .where("c.disease in :disease", "disease", f.disease)
                .where("c.updatedAt >= :updatedSince", "updatedSince", f.updatedSince)
                .page(em, page, CohortSort.values(), CohortView::of);
    }

    /** The cohorts of one study; 404 when the study does not exist. */
    @Transactional
    public PageResponse<CohortView> listOfStudy(long studyId, CohortFilter f, PageParams page) {
        studies.get(studyId);
        f.studyId = studyId;
        return list(f, page);
    }

    @Transactional
    public Cohort create(long studyId, CohortInput in) {
        Study study = studies.get(studyId);
        Cohort cohort = new Cohort();
        cohort.study = study;
        write(cohort, in);
        cohort.persist();
        em.flush();
        return cohort;
    }

    @Transactional
    public Cohort replace(long id, CohortInput in, Consumer<Cohort> precondition) {
        return update(id, cohort -> in, precondition);
    }

    @Transactional
    public Cohort patch(long id, JsonNode patch, Consumer<Cohort> precondition) {
        return update(id, cohort -> mergePatch.apply(CohortInput.of(cohort), patch, CohortInput.class), precondition);
    }

    private Cohort update(long id, Function<Cohort, CohortInput> input, Consumer<Cohort> precondition) {
        Cohort cohort = getForWrite(id);
        precondition.accept(cohort);
        write(cohort, input.apply(cohort));
        em.flush();
        return cohort;
    }

    /**
     * Deletes a cohort. Refused while it has outcomes or other cohorts name it as their later report, unless
     * {@code cascade}: then its outcomes go too and those links are removed.
     */
    @Transactional
    public void delete(long id, boolean cascade, Consumer<Cohort> precondition) {
        Cohort cohort = getForWrite(id);
        precondition.accept(cohort);
        long outcomes = em.createQuery("select count(o) from Outcome o where o.cohort.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        List<Long> supersededCohorts = em.createQuery(
                        "select c.id from Cohort c where c.supersededBy.id = :id order by c.id", Long.class)
                .setParameter("id", id).getResultList();
        if (!cascade && (outcomes > 0 || !supersededCohorts.isEmpty())) {
            throw ApiException.conflict("cohort " + id + " has " + outcomes + " outcome(s)"
                    + (supersededCohorts.isEmpty() ? "" : " and is the later report of cohort(s) " + supersededCohorts)
                    + "; delete or unlink them first or repeat with cascade=true");
        }
        remove(List.of(cohort));
        em.flush();
    }

    /** Removes the cohorts of a study that is being deleted (with cascade). */
    void onStudyDeletion(@Observes StudyDeletion event) {
        remove(em.createQuery("select c from Cohort c where c.study = :study order by c.id", Cohort.class)
                .setParameter("study", event.study()).getResultList());
    }

    /**
     * Removes cohorts with their outcomes, one entity at a time so that every removal is audited. Cohorts that named
     * one of them as their later report lose that link (a change, so a new version). A cohort goes before any of the
     * set it points at, so that no foreign key is broken midway.
     */
    private void remove(List<Cohort> doomed) {
        if (doomed.isEmpty()) {
            return;
        }
        Set<Long> ids = new HashSet<>();
        doomed.forEach(c -> ids.add(c.id));
        em.createQuery("select c from Cohort c where c.supersededBy.id in :ids", Cohort.class)
                .setParameter("ids", ids).getResultList().stream()
                .filter(earlier -> !ids.contains(earlier.id))
                .forEach(earlier -> earlier.supersededBy = null);
        List<Cohort> left = new ArrayList<>(doomed);
        while (!left.isEmpty()) {
            Set<Long> pointedAt = new HashSet<>();
            left.forEach(c -> pointedAt.add(c.supersededById()));
            List<Cohort> free = left.stream().filter(c -> !pointedAt.contains(c.id)).toList();
            if (free.isEmpty()) {
                throw new IllegalStateException("cycle of supersession among cohorts " + ids);
            }
            for (Cohort cohort : free) {
                deletion.fire(new CohortDeletion(cohort));
                em.remove(cohort);
            }
            left.removeAll(free);
        }
    }

    /** Checks the cohort rules (see {@link CohortRules}) against the stored data, then takes the input. */
    private void write(Cohort cohort, CohortInput in) {
        List<FieldError> errors = new ArrayList<>();
        CohortRules.femaleWithinEnrolled(in).ifPresent(errors::add);
        if (cohort.id != null) {
            Integer largestTotal = em.createQuery("select max(o.total) from Outcome o where o.cohort.id = :id", Integer.class)
                    .setParameter("id", cohort.id).getSingleResult();
            CohortRules.enrolledCoversOutcomes(in.enrolled(), largestTotal).ifPresent(errors::add);
        }
        Cohort later = in.supersededBy() == null ? null : em.find(Cohort.class, in.supersededBy());
        CohortRules.laterReportExists(in.supersededBy() != null, later).ifPresent(errors::add);
        CohortRules.laterReportMakesNoCycle(cohort, later).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        CohortRules.labelUnique(labelTaken(cohort, in.label())).ifPresent(error -> {
            throw new ApiException(409, "duplicate-label", "Duplicate label",
                    "another cohort of this study already has the label '" + in.label() + "'", List.of(error));
        });
        cohort.apply(in);
        cohort.supersededBy = later;
    }

    private boolean labelTaken(Cohort cohort, String label) {
        return !em.createQuery("select c.id from Cohort c where c.study.id = :study and c.label = :label and c.id <> :self",
                        Long.class)
                .setParameter("study", cohort.study.id).setParameter("label", label)
                .setParameter("self", cohort.id == null ? -1L : cohort.id)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
