package org.cartevidence.stats;

/**
 * Event count of one cohort: {@code events} of {@code total} patients had the outcome.
 *
 * @param events patients with the outcome, 0 to {@code total}
 * @param total  patients in the cohort, at least 1
 */
public record EventCount(int events, int total) {

    public EventCount {
        if (total < 1 || events < 0 || events > total) {
            throw new IllegalArgumentException(
                    "a cohort needs 0 <= events <= total and total >= 1, got " + events + "/" + total);
        }
    }

    /** The observed proportion, events / total. */
    public double proportion() {
        return (double) events / total;
    }
}
