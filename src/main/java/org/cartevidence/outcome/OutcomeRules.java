package org.cartevidence.outcome;

import java.util.ArrayList;
import java.util.List;
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
}
