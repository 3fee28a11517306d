package org.cartevidence.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cohorts as the likelihood of a logistic model sees them: events of total with a design row. Cohorts with the same
 * counts and row add the same term, so each distinct one is kept once with its multiplicity (at 100,000 studies a
 * pool has hundreds of thousands of cohorts but far fewer distinct ones).
 */
final class BinomialRows {

    final int size;
    final int[] events;
    final int[] totals;
    final double[] multiplicity;
    final double[][] x;

    private BinomialRows(int[] events, int[] totals, double[] multiplicity, double[][] x) {
        this.size = events.length;
        this.events = events;
        this.totals = totals;
        this.multiplicity = multiplicity;
        this.x = x;
    }

    /** The cohorts with design rows {@code x} (k rows of p columns), identical rows merged. */
    static BinomialRows of(List<EventCount> cohorts, double[][] x) {
        Map<Key, double[]> merged = new LinkedHashMap<>();
        for (int i = 0; i < cohorts.size(); i++) {
            EventCount c = cohorts.get(i);
            merged.computeIfAbsent(new Key(c.events(), c.total(), x[i]), key -> new double[1])[0]++;
        }
        int m = merged.size();
        int[] events = new int[m];
        int[] totals = new int[m];
        double[] multiplicity = new double[m];
        double[][] rows = new double[m][];
        int j = 0;
        for (Map.Entry<Key, double[]> e : merged.entrySet()) {
            events[j] = e.getKey().events;
            totals[j] = e.getKey().total;
            rows[j] = e.getKey().row;
            multiplicity[j] = e.getValue()[0];
            j++;
        }
        return new BinomialRows(events, totals, multiplicity, rows);
    }

    /** An intercept-only design: one column of 1s. */
    static double[][] intercept(int k) {
        double[][] x = new double[k][];
        Arrays.fill(x, new double[] {1});
        return x;
    }

    int columns() {
        return x[0].length;
    }

    double linearPredictor(int i, double[] beta) {
        double eta = 0;
        for (int c = 0; c < beta.length; c++) {
            eta += x[i][c] * beta[c];
        }
        return eta;
    }

    /**
     * The binomial log-likelihood kernel x log p + (n - x) log(1 - p), without log(n choose x): every use compares
     * two models of the same counts, where that constant cancels.
     */
    static double logLikelihood(int x, int n, double logP, double log1mP) {
        return (x == 0 ? 0 : x * logP) + (x == n ? 0 : (n - x) * log1mP);
    }

    private record Key(int events, int total, double[] row) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.events == events && k.total == total && Arrays.equals(k.row, row);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * events + total) + Arrays.hashCode(row);
        }
    }
}
