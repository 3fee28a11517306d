package org.cartevidence.study;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Trial phase or kind of report. */
@Schema(description = "Trial phase or kind of report.")
public enum Phase {
    CASE_REPORT, CASE_SERIES, EARLY_PHASE_1, PHASE_1, PHASE_1_2, PHASE_2, PHASE_3, OBSERVATIONAL
}
