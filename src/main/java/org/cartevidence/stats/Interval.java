package org.cartevidence.stats;

/** A two-sided interval on the proportion scale. */
public record Interval(double lower, double upper) {
}
