package org.cartevidence.study;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the CAR gene is delivered. */
@Schema(description = "How the CAR gene is delivered.")
public enum VectorType {
    LENTIVIRAL, GAMMARETROVIRAL, MRNA, TRANSPOSON, NON_VIRAL
}
