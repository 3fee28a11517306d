package org.cartevidence.pipeline;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did (or, for a dry run, would do) to each kind of record. */
@Schema(name = "ImportResult")
public record ImportResult(
        @Schema(description = "True when nothing was written: the counts say what the import would do.") boolean dryRun,
        Counts studies,
        Counts cohorts,
        Counts outcomes) {

    /** Records created, changed, and matched but already equal (an unchanged record keeps its version). */
    @Schema(name = "ImportCounts")
    public record Counts(@Schema(examples = "2") long created, @Schema(examples = "1") long updated,
            @Schema(examples = "21") long unchanged) {
    }

    /** Counts as they are gathered. */
    static final class Tally {
        long created;
        long updated;
        long unchanged;

        void count(Change change) {
            switch (change) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }

        Counts counts() {
            return new Counts(created, updated, unchanged);
        }
    }

    enum Change { CREATED, UPDATED, UNCHANGED }
}
