package org.cartevidence.stats;

import java.util.List;

/** Pooling by the binomial-normal model ({@link PoolingMethod#GLMM}). */
final class GlmmPooling {

    private GlmmPooling() {
    }

    static PooledEstimate pool(List<EventCount> cohorts, PoolingSettings settings) {
        throw new UnsupportedOperationException("GLMM pooling is not written yet");
    }
}
