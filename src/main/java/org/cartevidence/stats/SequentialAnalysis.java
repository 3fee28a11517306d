package org.cartevidence.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Sensitivity analyses that pool the cohorts again and again: cumulatively, as evidence accrued (metafor
 * {@code cumul()}), and leaving each cohort out in turn (metafor {@code leave1out()}). Each step is an ordinary
 * {@link MetaAnalysis#pool} with the same settings, so it reports what that reports for its cohorts, e.g. the exact
 * interval where a GLMM step has a single cohort.
 */
public final class SequentialAnalysis {

    private SequentialAnalysis() {
    }

    /** Step i pools cohorts 0 to i, in the order given (the service's: publication year, then study key). */
    public static List<PooledEstimate> cumulative(List<EventCount> cohorts, PoolingSettings settings) {
        List<PooledEstimate> steps = new ArrayList<>(cohorts.size());
        for (int i = 1; i <= cohorts.size(); i++) {
            steps.add(MetaAnalysis.pool(cohorts.subList(0, i), settings));
        }
        return steps;
    }

    /**
     * Entry i pools every cohort but cohort i.
     *
     * @throws IllegalArgumentException for fewer than two cohorts, where leaving one out leaves nothing to pool
     */
    public static List<PooledEstimate> leaveOneOut(List<EventCount> cohorts, PoolingSettings settings) {
        if (cohorts.size() < 2) {
            throw new IllegalArgumentException("leaving one cohort out needs at least two");
        }
        List<PooledEstimate> steps = new ArrayList<>(cohorts.size());
        for (int i = 0; i < cohorts.size(); i++) {
            List<EventCount> others = new ArrayList<>(cohorts);
            others.remove(i);
            steps.add(MetaAnalysis.pool(others, settings));
        }
        return steps;
    }
}
