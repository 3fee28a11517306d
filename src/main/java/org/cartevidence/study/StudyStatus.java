package org.cartevidence.study;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the study stands. */
@Schema(description = "Where the study stands.")
public enum StudyStatus {
    PLANNED, RECRUITING, ACTIVE, COMPLETED, TERMINATED, PUBLISHED
}
