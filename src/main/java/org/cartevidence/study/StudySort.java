package org.cartevidence.study;

import org.cartevidence.api.SortField;

/** The fields the study list sorts by. */
public enum StudySort implements SortField {
    KEY, TITLE, PUBLICATION_YEAR, START_YEAR, PHASE, STATUS, TARGET, CREATED_AT, UPDATED_AT
}
