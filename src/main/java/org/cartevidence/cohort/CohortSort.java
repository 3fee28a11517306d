package org.cartevidence.cohort;

import org.cartevidence.api.SortField;

/** The fields the cohort lists sort by. */
enum CohortSort implements SortField {
    LABEL("label", "c.label"),
    DISEASE("disease", "c.disease"),
    ENROLLED("enrolled", "c.enrolled"),
    STUDY_ID("studyId", "c.study.id"),
    MEDIAN_FOLLOW_UP_MONTHS("medianFollowUpMonths", "c.medianFollowUpMonths"),
    CREATED_AT("createdAt", "c.createdAt"),
    UPDATED_AT("updatedAt", "c.updatedAt");

    private final String parameterName;
    private final String path;

    CohortSort(String parameterName, String path) {
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
