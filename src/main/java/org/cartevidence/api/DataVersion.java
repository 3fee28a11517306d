package org.cartevidence.api;

/**
 * The version of the stored data as a number that grows with every committed change, as seen by every instance
 * sharing the database: an answer computed at version v stays right until a version above v exists. Defined here so
 * that {@link AnswerCache} can key its answers by it without knowing how the versions are kept (the audit trail
 * implements it).
 */
public interface DataVersion {

    /**
     * The current version (0 before the first change). It may lag behind another instance's writes for a short while,
     * never behind a write this instance has committed: the cache would otherwise give out an answer older than a
     * client's own change.
     */
    long latest();
}
