package org.cartevidence.cohort;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The disease a cohort's patients share. Lupus nephritis is kept apart from SLE without renal involvement. */
@Schema(description = "The disease a cohort's patients share.")
public enum Disease {
    SLE, LUPUS_NEPHRITIS, IDIOPATHIC_INFLAMMATORY_MYOPATHY, SYSTEMIC_SCLEROSIS, RHEUMATOID_ARTHRITIS,
    MYASTHENIA_GRAVIS, ULCERATIVE_COLITIS, CROHNS_DISEASE, NMOSD, MULTIPLE_SCLEROSIS, ANCA_VASCULITIS,
    SJOGRENS_DISEASE, ANTIPHOSPHOLIPID_SYNDROME, PEMPHIGUS_VULGARIS, IMMUNE_THROMBOCYTOPENIA,
    AUTOIMMUNE_HEMOLYTIC_ANEMIA, IGG4_RELATED_DISEASE, TYPE_1_DIABETES, OTHER
}
