package org.cartevidence.study;

/**
 * Fired inside the transaction that deletes a study, just before it goes: the records that depend on it are removed
 * by their own services, one entity at a time, so that each removal is audited (bulk deletes would bypass Envers).
 */
public record StudyDeletion(Study study) {
}
