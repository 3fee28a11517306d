package org.cartevidence.study;

import org.cartevidence.api.SortField;

/** The fields the study list sorts by. */
public enum StudySort implements SortField {
    KEY("key", "s.key"),
    TITLE("title", "s.title"),
    PUBLICATION_YEAR("publicationYear", "s.publicationYear"),
    START_YEAR("startYear", "s.startYear"),
    PHASE("phase", "s.phase"),
    STATUS("status", "s.status"),
    TARGET("target", "s.target"),
    CREATED_AT("createdAt", "s.createdAt"),
    UPDATED_AT("updatedAt", "s.updatedAt");

    private final String parameterName;
    private final String path;

    StudySort(String parameterName, String path) {
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
