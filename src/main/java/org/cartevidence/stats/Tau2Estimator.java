package org.cartevidence.stats;

/**
 * Estimator of the between-cohort variance tau² of the random-effects model, as metafor's {@code rma.uni}
 * implements it for a model without moderators. All truncate at 0.
 */
public enum Tau2Estimator {

    /** DerSimonian-Laird method of moments. */
    DL {
        @Override
        double estimate(double[] y, double[] v) {
            InverseVariance fixed = new InverseVariance(y, v, 0);
            return Math.max(0, (fixed.q - (y.length - 1)) / fixed.traceP());
        }
    },

    /**
     * Restricted maximum likelihood by metafor's Fisher scoring: Hedges' estimate as start, step halving to
     * stay at or above 0, and tau² = 0 if that beats a local maximum the iteration stopped at. Where the
     * iteration oscillates instead of converging (metafor stops with an error), it is rerun with ever shorter
     * steps, the remedy metafor documents (its control option {@code stepadj}).
     */
    REML {
        @Override
        double estimate(double[] y, double[] v) {
            for (double stepFactor = 1; stepFactor >= MIN_STEP_FACTOR; stepFactor /= 2) {
                double tau2 = fisherScoring(y, v, stepFactor);
                if (!Double.isNaN(tau2)) {
                    boolean zeroIsLikelier = restrictedLogLikelihood(y, v, 0)
                            - restrictedLogLikelihood(y, v, tau2) > LOG_LIKELIHOOD_TOLERANCE;
                    return tau2 > CONVERGENCE && zeroIsLikelier ? 0 : tau2;
                }
            }
            throw new ArithmeticException("REML Fisher scoring did not converge, even with steps shortened to "
                    + MIN_STEP_FACTOR);
        }
    },

    /**
     * Paule-Mandel: the tau² at which the generalized Q equals its expectation k - 1, found by bisection;
     * 0 when Q at tau² = 0 is already below k - 1. Unlike metafor, the bracket is widened beyond tau² = 100
     * instead of failing.
     */
    PM {
        @Override
        double estimate(double[] y, double[] v) {
            double target = y.length - 1;
            if (new InverseVariance(y, v, 0).q < target) {
                return 0;
            }
            // The generalized Q falls monotonically towards 0 as tau² grows.
            double lower = 0;
            double upper = 1;
            while (new InverseVariance(y, v, upper).q >= target) {
                lower = upper;
                upper *= 2;
            }
            while (upper - lower > CONVERGENCE * Math.max(1, upper)) {
                double middle = (lower + upper) / 2;
                if (new InverseVariance(y, v, middle).q >= target) {
                    lower = middle;
                } else {
                    upper = middle;
                }
            }
            return (lower + upper) / 2;
        }
    };

    /**
     * Stopping rule on tau² for REML and PM. metafor's defaults (1e-5 for REML, 1.2e-4 for PM's uniroot) leave
     * errors of up to 6e-5 in tau², so the reference values are computed with tight rules as well.
     */
    private static final double CONVERGENCE = 1e-12;
    /**
     * metafor's default {@code maxiter}. Where Fisher scoring oscillates it does so from the start, and a thousand
     * iterations before shortening the step cost 1.3 s on 85,000 cohorts; converging runs need a few dozen.
     */
    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP_FACTOR = 1.0 / 64;
    /** metafor's default {@code tol}, .Machine$double.eps^0.25, for its check against tau² = 0. */
    private static final double LOG_LIKELIHOOD_TOLERANCE = Math.pow(Math.ulp(1.0), 0.25);

    /** tau² for k >= 2 effect sizes y with sampling variances v. */
    abstract double estimate(double[] y, double[] v);

    /** The REML estimate by Fisher scoring with steps scaled by {@code stepFactor}; NaN if it does not converge. */
    private static double fisherScoring(double[] y, double[] v, double stepFactor) {
        double tau2 = Math.max(0, hedges(y, v));
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            InverseVariance iv = new InverseVariance(y, v, tau2);
            double sumW2 = iv.sumWPow(2);
            double sumW3 = iv.sumWPow(3);
            double yPPy = 0;
            for (int i = 0; i < y.length; i++) {
                yPPy += Math.pow(iv.w[i] * (y[i] - iv.mu), 2);
            }
            double tracePP = sumW2 - 2 * sumW3 / iv.sumW + sumW2 * sumW2 / (iv.sumW * iv.sumW);
            double step = stepFactor * (yPPy - iv.traceP()) / tracePP;
            while (tau2 + step < 0) {
                step /= 2;
            }
            double previous = tau2;
            tau2 += step;
            if (Math.abs(tau2 - previous) <= CONVERGENCE) {
                return tau2;
            }
        }
        return Double.NaN;
    }

    /** Hedges' (HE) estimate, metafor's starting value for REML; may be negative. */
    private static double hedges(double[] y, double[] v) {
        int k = y.length;
        double sumY = 0;
        double sumV = 0;
        for (int i = 0; i < k; i++) {
            sumY += y[i];
            sumV += v[i];
        }
        double mean = sumY / k;
        double rss = 0;
        for (double yi : y) {
            rss += (yi - mean) * (yi - mean);
        }
        return (rss - (k - 1.0) / k * sumV) / (k - 1);
    }

    /** Restricted log-likelihood up to a constant. */
    private static double restrictedLogLikelihood(double[] y, double[] v, double tau2) {
        InverseVariance iv = new InverseVariance(y, v, tau2);
        double sumLogV = 0;
        for (double vi : v) {
            sumLogV += Math.log(vi + tau2);
        }
        return -0.5 * (sumLogV + Math.log(iv.sumW) + iv.q);
    }
}
