package org.cartevidence.cohort;

import org.cartevidence.api.SortField;

/** The fields the cohort lists sort by. */
enum CohortSort implements SortField {
    LABEL, DISEASE, ENROLLED, STUDY_ID, MEDIAN_FOLLOW_UP_MONTHS, CREATED_AT, UPDATED_AT
}
