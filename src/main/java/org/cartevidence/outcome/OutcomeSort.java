package org.cartevidence.outcome;

import org.cartevidence.api.SortField;

/** The fields the outcome lists sort by. */
enum OutcomeSort implements SortField {
    MEASURE, EVENTS, TOTAL, TIMEPOINT_MONTHS, COHORT_ID, CREATED_AT, UPDATED_AT
}
