package org.cartevidence.outcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Consumer;
import org.cartevidence.api.ApiException;
import org.cartevidence.api.ListQuery;
import org.cartevidence.api.PageParams;
import org.cartevidence.api.PageResponse;
import org.cartevidence.api.Problem.FieldError;
import org.cartevidence.api.RecordService;
import org.cartevidence.cohort.Cohort;
import org.cartevidence.cohort.CohortDeletion;
import org.cartevidence.cohort.CohortService;

/**
 * Reads and writes outcomes, keeping 0 <= events <= total <= the cohort's enrolled, and no two outcomes of a cohort
 * with the same measure, definition and time point.
 */
@ApplicationScoped
public class OutcomeService extends RecordService<Outcome, OutcomeInput> {

    @Inject
    CohortService cohorts;

    OutcomeService() {
        super(Outcome.class, OutcomeInput.class, OutcomeInput::of, "outcome");
    }

    @Transactional
    public PageResponse<OutcomeView> list(OutcomeFilter f, PageParams page) {
        return ListQuery.from(Outcome.class, "o")
                .where("o.cohort.id = :cohortId", "cohortId", f.cohortId)
                .where("o.measure in :measure", "measure", f.measure)
                .updatedSince(f.updatedSince)
                .page(em, page, OutcomeSort.values(), OutcomeView::of);
    }

    /** The outcomes of one cohort; 404 when the cohort does not exist. */
    @Transactional
    public PageResponse<OutcomeView> listOfCohort(long cohortId, OutcomeFilter f, PageParams page) {
        cohorts.get(cohortId);
        f.cohortId = cohortId;
        return list(f, page);
    }

    @Transactional
    public Outcome create(long cohortId, OutcomeInput in) {
        Outcome outcome = new Outcome();
        outcome.cohort = cohorts.getForWrite(cohortId);
        return insert(outcome, in);
    }


    @Transactional
    public void delete(long id, Consumer<? super Outcome> precondition) {
        writable(id, precondition).delete();
        em.flush();
    }

    /** Removes the outcomes of a cohort that is being deleted, one by one so that each removal is audited. */
    void onCohortDeletion(@Observes CohortDeletion event) {
        em.createQuery("select o from Outcome o where o.cohort = :cohort order by o.id", Outcome.class)
                .setParameter("cohort", event.cohort()).getResultList().forEach(em::remove);
    }

    /**
     * Checks the outcome rules (see {@link OutcomeRules}) against the stored data, then takes the input. Creation,
     * replacement and patch alike lock the cohort first (see {@link CohortService#getForWrite}): two writers that
     * would give one cohort the same outcome twice check one after the other, and the second sees the first's.
     * As for a cohort's label, an input that is invalid in itself is refused as such (422) before its conflict with
     * another record (409) is looked at.
     */
    @Override
    protected void write(Outcome outcome, OutcomeInput in) {
        Cohort cohort = outcome.cohort;
        em.lock(cohort, LockModeType.PESSIMISTIC_WRITE);
        List<FieldError> errors = OutcomeRules.countsWithinCohort(in, cohort.enrolled);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Long other = sameKey(outcome, in);
        OutcomeRules.keyUnique(other != null).ifPresent(error -> {
            throw new ApiException(409, "duplicate-outcome", "Duplicate outcome", "outcome " + other
                    + " of this cohort already has this measure, definition and timepointMonths", List.of(error));
        });
        outcome.apply(in);
    }

    /**
     * The id of another outcome of the cohort with the input's measure, definition and time point (absent matching
     * absent), or null. One query through the cohort's index that answers at most one row: the cohort's outcomes are
     * never loaded.
     */
    private Long sameKey(Outcome outcome, OutcomeInput in) {
        String query = "select o.id from Outcome o where o.cohort = :cohort and o.id <> :self and o.measure = :measure"
                + (in.definition() == null ? " and o.definition is null" : " and o.definition = :definition")
                + (in.timepointMonths() == null ? " and o.timepointMonths is null"
                        : " and o.timepointMonths = :timepoint")
                + " order by o.id";
        TypedQuery<Long> same = em.createQuery(query, Long.class)
                .setParameter("cohort", outcome.cohort)
                .setParameter("self", outcome.id == null ? -1L : outcome.id)
                .setParameter("measure", in.measure());
        if (in.definition() != null) {
            same.setParameter("definition", in.definition());
        }
        if (in.timepointMonths() != null) {
            same.setParameter("timepoint", in.timepointMonths());
        }
        return same.setMaxResults(1).getResultStream().findFirst().orElse(null);
    }
}
