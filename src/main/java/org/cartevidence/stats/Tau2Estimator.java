package org.cartevidence.stats;

/**
 * Estimator of the between-cohort variance tau² of the random-effects model, or of the residual tau² of a
 * mixed-effects meta-regression, as metafor's {@code rma.uni} implements it. All truncate at 0.
 */
public enum Tau2Estimator {

    /** DerSimonian-Laird method of moments. */
    DL {
        @Override
        double estimate(WeightedLeastSquares model) {
            WeightedLeastSquares.Fit fixed = model.at(0);
            return Math.max(0, (fixed.q() - (model.k() - model.p())) / fixed.traceP());
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
        double estimate(WeightedLeastSquares model) {
            for (double stepFactor = 1; stepFactor >= MIN_STEP_FACTOR; stepFactor /= 2) {
                double tau2 = fisherScoring(model, stepFactor);
                if (!Double.isNaN(tau2)) {
                    boolean zeroIsLikelier = restrictedLogLikelihood(model, 0)
                            - restrictedLogLikelihood(model, tau2) > LOG_LIKELIHOOD_TOLERANCE;
                    return tau2 > CONVERGENCE && zeroIsLikelier ? 0 : tau2;
                }
            }
            throw new ArithmeticException("REML Fisher scoring did not converge, even with steps shortened to "
                    + MIN_STEP_FACTOR);
        }
    },

    /**
     * Paule-Mandel: the tau² at which the generalized Q equals its expectation k - p, found by bisection;
     * 0 when Q at tau² = 0 is already below k - p. Unlike metafor, the bracket is widened beyond tau² = 100
     * (or 10 mad(y)²) instead of failing.
     */
    PM {
        @Override
        double estimate(WeightedLeastSquares model) {
            double target = model.k() - model.p();
            if (model.at(0).q() < target) {
                return 0;
            }
            // The generalized Q falls monotonically towards 0 as tau² grows.
            double lower = 0;
            double upper = 1;
            while (model.at(upper).q() >= target) {
                lower = upper;
                upper *= 2;
            }
            while (upper - lower > CONVERGENCE * Math.max(1, upper)) {
                double middle = (lower + upper) / 2;
                if (model.at(middle).q() >= target) {
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

    /** tau² for k >= 2 effect sizes y with sampling variances v (the model without moderators). */
    double estimate(double[] y, double[] v) {
        return estimate(WeightedLeastSquares.interceptOnly(y, v));
    }

    /** Residual tau² of the meta-regression of y on a full-rank design with k >= p + 1 rows. */
    double estimate(double[] y, double[] v, Design x) {
        return estimate(WeightedLeastSquares.of(y, v, x));
    }

    abstract double estimate(WeightedLeastSquares model);

    /** The REML estimate by Fisher scoring with steps scaled by {@code stepFactor}; NaN if it does not converge. */
    private static double fisherScoring(WeightedLeastSquares model, double stepFactor) {
        double tau2 = Math.max(0, model.hedges());
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            WeightedLeastSquares.Fit fit = model.at(tau2);
            double step = stepFactor * (fit.yPPy() - fit.traceP()) / fit.tracePP();
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

    /** Restricted log-likelihood up to a constant. */
    private static double restrictedLogLikelihood(WeightedLeastSquares model, double tau2) {
        WeightedLeastSquares.Fit fit = model.at(tau2);
        double sumLogV = 0;
        for (double vi : model.v()) {
            sumLogV += Math.log(vi + tau2);
        }
        return -0.5 * (sumLogV + fit.logDetXWX() + fit.q());
    }
}
