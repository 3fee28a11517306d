package org.cartevidence.stats;

/** Inverse-variance weights 1 / (vi + tau²) with the weighted mean and weighted residual sum of squares. */
final class InverseVariance {

    final double[] w;
    final double sumW;
    final double mu;
    /** Sum of w (yi - mu)²: Cochran's Q at tau² = 0, the generalized Q otherwise. */
    final double q;

    InverseVariance(double[] y, double[] v, double tau2) {
        w = new double[y.length];
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < y.length; i++) {
            w[i] = 1 / (v[i] + tau2);
            sw += w[i];
            swy += w[i] * y[i];
        }
        sumW = sw;
        mu = swy / sw;
        double rss = 0;
        for (int i = 0; i < y.length; i++) {
            rss += w[i] * (y[i] - mu) * (y[i] - mu);
        }
        q = rss;
    }

    double sumWPow(int power) {
        double s = 0;
        for (double wi : w) {
            s += Math.pow(wi, power);
        }
        return s;
    }

    /** Trace of metafor's projection P = W - W 1 (1'W1)⁻¹ 1'W of the intercept-only model. */
    double traceP() {
        return sumW - sumWPow(2) / sumW;
    }
}
