package org.cartevidence.study;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Gene editing of the CAR-T cells beyond the CAR itself. */
@Schema(description = "Gene editing of the CAR-T cells beyond the CAR itself.")
public enum GeneEditing {
    NONE, CRISPR, TALEN, BASE_EDITING
}
