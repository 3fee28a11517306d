package org.cartevidence.outcome;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an outcome counts. Efficacy measures first, then safety; DISEASE_ACTIVITY carries continuous values. */
@Schema(description = "What an outcome counts.")
public enum Measure {
    REMISSION, DRUG_FREE_REMISSION, RESPONSE, RELAPSE_FREE, RELAPSE,
    CRS_ANY, CRS_GRADE_3_PLUS, ICANS_ANY, ICANS_GRADE_3_PLUS, INFECTION_SEVERE, DEATH, TREATMENT_RELATED_DEATH,
    DISEASE_ACTIVITY
}
