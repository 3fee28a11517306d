package org.cartevidence.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.cartevidence.api.ApiException;
import org.cartevidence.api.ListQuery;
import org.cartevidence.api.PageParams;
import org.cartevidence.api.PageResponse;
import org.cartevidence.api.Problem.FieldError;
import org.cartevidence.api.RecordService;
import org.cartevidence.study.StudyDeletion;
import org.cartevidence.study.StudyService;

/** Reads and writes cohorts, keeping their invariants: female within enrolled, outcomes within enrolled, no cycle of supersession. */
@ApplicationScoped
public class CohortService extends RecordService<Cohort, CohortInput> {

    @Inject
    StudyService studies;

    @Inject
    Event<CohortDeletion> deletion;

    CohortService() {
        super(Cohort.class, CohortInput.class, CohortInput::of, "cohort");
    }

    /**
     * Loads a cohort locked against concurrent writes until the transaction ends: the checks of enrolled against its
     * outcomes' totals (here and in the outcome service) then see a state no one else is changing.
     */
    @Override
    public Cohort getForWrite(long id) {
        return found(em.find(Cohort.class, id, LockModeType.PESSIMISTIC_WRITE), id);
    }

    @Transactional
    public PageResponse<CohortView> list(CohortFilter f, PageParams page) {
        return ListQuery.from(Cohort.class, "c")
                .where("c.study.id = :studyId", "studyId", f.studyId)
                .where("c.disease in :disease", "disease", f.disease)
                .updatedSince(f.updatedSince)
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
        Cohort cohort = new Cohort();
        cohort.study = studies.get(studyId);
        return insert(cohort, in);
    }


    /**
     * Deletes a cohort. Refused while it has outcomes or other cohorts name it as their later report, unless
     * {@code cascade}: then its outcomes go too and those links are removed.
     */
    @Transactional
    public void delete(long id, boolean cascade, Consumer<? super Cohort> precondition) {
        Cohort cohort = writable(id, precondition);
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
    @Override
    protected void write(Cohort cohort, CohortInput in) {
        List<FieldError> errors = new ArrayList<>();
        CohortRules.femaleWithinEnrolled(in).ifPresent(errors::add);
        if (cohort.id != null) {
            CohortRules.enrolledCoversOutcomes(in.enrolled(), largestOutcomeTotals(List.of(cohort.id)).get(cohort.id))
                    .ifPresent(errors::add);
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

    /**
     * The largest total of each cohort's stored outcomes, in one query; a cohort without outcomes is absent. Both the
     * writes here and the import check enrolled against it ({@link CohortRules#enrolledCoversOutcomes}).
     */
    public Map<Long, Integer> largestOutcomeTotals(Collection<Long> cohortIds) {
        Map<Long, Integer> largest = new HashMap<>();
        em.createQuery("select o.cohort.id as cohort, max(o.total) as largest from Outcome o "
                        + "where o.cohort.id in :ids group by o.cohort.id", Tuple.class)
                .setParameter("ids", cohortIds).getResultList()
                .forEach(row -> largest.put(row.get("cohort", Long.class), row.get("largest", Integer.class)));
        return largest;
    }

    private boolean labelTaken(Cohort cohort, String label) {
        return !em.createQuery("select c.id from Cohort c where c.study.id = :study and c.label = :label and c.id <> :self",
                        Long.class)
                .setParameter("study", cohort.study.id).setParameter("label", label)
                .setParameter("self", cohort.id == null ? -1L : cohort.id)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
