package org.cartevidence.outcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
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

/** Reads and writes outcomes, keeping 0 <= events <= total <= the cohort's enrolled. */
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

    @Override
    protected void write(Outcome outcome, OutcomeInput in) {
        Cohort cohort = outcome.cohort;
        em.lock(cohort, LockModeType.PESSIMISTIC_WRITE); // see CohortService.getForWrite
        List<FieldError> errors = OutcomeRules.countsWithinCohort(in, cohort.enrolled);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        outcome.apply(in);
    }
}
