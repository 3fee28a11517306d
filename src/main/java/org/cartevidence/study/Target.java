package org.cartevidence.study;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The antigen the CAR targets; CD19_BCMA covers a compound CAR and co-infused CD19 and BCMA products. */
@Schema(description = "The antigen the CAR targets; CD19_BCMA covers a compound CAR and co-infused CD19 and BCMA products.")
public enum Target {
    CD19, BCMA, CD19_BCMA, CD20, CD19_CD20, CD7, CD70, OTHER
}
