package org.cartevidence.stats;

/**
 * A meta-regression whose coefficients the cohorts cannot identify: a design column that is 0 for every cohort, one
 * that is a linear combination of the columns before it, or more columns than k - 1 (one cohort more than
 * coefficients is needed). Names the first offending column so that the moderator can be reported.
 */
public class UnidentifiableModelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String column;

    UnidentifiableModelException(String column, String message) {
        super(message);
        this.column = column;
    }

    /** The design column refused, as named in {@link Design#names()}. */
    public String column() {
        return column;
    }
}
