package org.cartevidence.stats;

/** Fixed-effect (common-effect, inverse variance) or random-effects pooling. */
public enum PoolingModel {
    FIXED, RANDOM
}
