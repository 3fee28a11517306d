package org.cartevidence.outcome;

import org.cartevidence.api.SortField;

/** The fields the outcome lists sort by. */
enum OutcomeSort implements SortField {
    MEASURE("measure", "o.measure"),
    EVENTS("events", "o.events"),
    TOTAL("total", "o.total"),
    TIMEPOINT_MONTHS("timepointMonths", "o.timepointMonths"),
    COHORT_ID("cohortId", "o.cohort.id"),
    CREATED_AT("createdAt", "o.createdAt"),
    UPDATED_AT("updatedAt", "o.updatedAt");

    private final String parameterName;
    private final String path;

    OutcomeSort(String parameterName, String path) {
        this.parameterName = parameterName;
        this.path = path;
    }

    @Override
    public String parameterName() {
        return parameterName;
    }

    @Override
    public String path() {
        return path;
    }
}
