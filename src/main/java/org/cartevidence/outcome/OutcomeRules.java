package org.cartevidence.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cartevidence.api.Problem.FieldError;

/**
 * The rules of an outcome that span fields or records, written once and applied by the CRUD service and by the
 * import alike; fields are named as in an outcome body (the import puts its document path in front).
 */
public final class OutcomeRules {

    private OutcomeRules() {
    }

    /** 0 <= events <= total <= the enrolled of the outcome's cohort (as it will be once the write is done). */
    public static List<FieldError> countsWithinCohort(OutcomeInput in, int enrolled) {
        List<FieldError> errors = new ArrayList<>(2);
        if (in.events() > in.total()) {
            errors.add(new FieldError("events", "must not exceed total (" + in.total() + ")"));
        }
        if (in.total() > enrolled) {
            errors.add(new FieldError("total", "must not exceed the cohort's enrolled (" + enrolled + ")"));
        }
        return errors;
    }

    /**
     * No other outcome of the cohort (stored, or earlier in the same import document) has the same measure, definition
     * and timepointMonths, an absent definition or time point equal to another absent one. These three are what tell
     * an outcome apart within its cohort: the import matches stored outcomes by them, and an analysis that picks one
     * outcome of a measure per cohort (and time point) could not choose between two equal ones. One refusal, one
     * error: it names measure, the first of the three, and its message names all of them.
     * <p>
     * The CRUD API answers it with 409, as a duplicate label or key: the body is valid in itself and collides with a
     * stored record. The import lists it in the 422 of its batch: there both outcomes are in the request, which
     * contradicts itself, and every error of the batch is reported at once.
     */
    public static Optional<FieldError> keyUnique(boolean keyOfAnotherOutcome) {
        return keyOfAnotherOutcome
                ? Optional.of(new FieldError("measure",
                        "another outcome of this cohort has the same measure, definition and timepointMonths"))
                : Optional.empty();
    }
}
