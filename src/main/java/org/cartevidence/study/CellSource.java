package org.cartevidence.study;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whose T cells: the patient's own (autologous) or a donor's (allogeneic). */
@Schema(description = "Whose T cells: the patient's own (autologous) or a donor's (allogeneic).")
public enum CellSource {
    AUTOLOGOUS, ALLOGENEIC
}
