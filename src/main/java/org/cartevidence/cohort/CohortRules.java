package org.cartevidence.cohort;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cartevidence.api.Problem.FieldError;

/**
 * The rules of a cohort that span fields or records, each written once and applied by the CRUD service and by the
 * import alike. Each takes the input and the facts it needs (the caller finds them: a query, or the import's own
 * documents) and answers the error, its field named as in a cohort body; the import puts its document path in front.
 */
public final class CohortRules {

    private CohortRules() {
    }

    /** female <= enrolled. */
    public static Optional<FieldError> femaleWithinEnrolled(CohortInput in) {
        return in.female() != null && in.female() > in.enrolled()
                ? Optional.of(new FieldError("female", "must not exceed enrolled (" + in.enrolled() + ")"))
                : Optional.empty();
    }

    /** enrolled >= the largest total of the cohort's stored outcomes ({@code null}: it has none). */
    public static Optional<FieldError> enrolledCoversOutcomes(int enrolled, Integer largestOutcomeTotal) {
        return largestOutcomeTotal != null && largestOutcomeTotal > enrolled
                ? Optional.of(new FieldError("enrolled",
                        "must be at least the largest outcome total (" + largestOutcomeTotal + ")"))
                : Optional.empty();
    }

    /** No other cohort of the study (stored, or earlier in the same import document) has the label. */
    public static Optional<FieldError> labelUnique(boolean labelOfAnotherCohort) {
        return labelOfAnotherCohort
                ? Optional.of(new FieldError("label", "already used in this study"))
                : Optional.empty();
    }

    /**
     * A named later report exists: {@code later} is what looking it up found ({@code null}: nothing), and it is only
     * looked at when {@code named}.
     */
    public static Optional<FieldError> laterReportExists(boolean named, Cohort later) {
        return named && later == null
                ? Optional.of(new FieldError("supersededBy", "must name an existing cohort"))
                : Optional.empty();
    }

    /**
     * Following the later-report links from {@code later} (as they will be once this write is done) never comes back
     * to {@code cohort}; a cohort naming itself is a cycle of one. A new cohort (no id yet) cannot be on a cycle. A
     * loop that does not pass through {@code cohort} is not its error (it is reported at one of the loop's members).
     */
    public static Optional<FieldError> laterReportMakesNoCycle(Cohort cohort, Cohort later) {
        Set<Long> seen = new HashSet<>();
        for (Cohort c = later; c != null && cohort.id != null && seen.add(c.id); c = c.supersededBy) {
            if (Objects.equals(c.id, cohort.id)) {
                return Optional.of(new FieldError("supersededBy", "would make a cycle of supersession"));
            }
        }
        return Optional.empty();
    }
}
