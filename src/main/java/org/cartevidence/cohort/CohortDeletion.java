package org.cartevidence.cohort;

/** Fired inside the transaction that deletes a cohort, just before it goes, so that its outcomes go first. */
public record CohortDeletion(Cohort cohort) {
}
