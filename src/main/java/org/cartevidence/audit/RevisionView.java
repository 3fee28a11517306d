package org.cartevidence.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One revision of a record as the API answers it: who changed it, when, how, and the values it then had. */
public record RevisionView<T>(
        @Schema(description = "The revision number: grows with every write transaction, over all records.", examples = "151")
        long revision,
        @Schema(description = "What the revision did to the record.")
        ChangeType type,
        @Schema(description = "Who made the change: the authenticated user, or reference-data for the records "
                + "loaded at first start.", examples = "curator")
        String author,
        @Schema(description = "When the change was committed.", examples = "2025-01-31T10:15:30.123Z")
        Instant timestamp,
        @Schema(description = "The record's values after the change (for DELETED, its last values).")
        T values) {
}
