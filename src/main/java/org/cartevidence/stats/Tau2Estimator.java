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
     * iteration does not converge in metafor's 100 iterations (metafor stops with an error), it is rerun with ever
     * shorter steps, the remedy metafor documents (its control option {@code stepadj}), which cures oscillation.
     * Where that fails too, the restricted log-likelihood is maximised directly
     * ({@link #maximiseRestrictedLikelihood}).
     */
    REML {
        @Override
        double estimate(WeightedLeastSquares model) {
            double tau2 = fisherScoringWithShorterSteps(model);
            return Double.isNaN(tau2) ? maximiseRestrictedLikelihood(model) : tau2;
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
     * Stopping rule on tau² for REML and PM, and the precision of REML's direct maximisation. metafor's defaults
     * (1e-5 for REML, 1.2e-4 for PM's uniroot) leave errors of up to 6e-5 in tau², so the reference values are
     * computed with tight rules as well.
     */
    private static final double CONVERGENCE = 1e-12;
    /**
     * metafor's default {@code maxiter}. Where Fisher scoring oscillates it does so from the start, so more
     * iterations before shortening the step only cost time; converging runs need a few dozen.
     */
    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP_FACTOR = 1.0 / 64;
    /**
     * The grid on which {@link #maximiseRestrictedLikelihood} looks for local maxima: from its upper bound down
     * over this many doublings (to 3.6e-15 of the bound, then 0). Neighbouring points differ by 41 %; a local
     * maximum is missed only if a local minimum lies between the same two points.
     */
    private static final int GRID_DOUBLINGS = 48;
    private static final int GRID_POINTS_PER_DOUBLING = 2;
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

    /**
     * The REML estimate as metafor gives it, with the step factors 1, 1/2, ... 1/64 tried in turn; NaN if Fisher
     * scoring converges with none of them.
     */
    static double fisherScoringWithShorterSteps(WeightedLeastSquares model) {
        for (double stepFactor = 1; stepFactor >= MIN_STEP_FACTOR; stepFactor /= 2) {
            double tau2 = fisherScoring(model, stepFactor);
            if (!Double.isNaN(tau2)) {
                return zeroIfLikelier(model, tau2);
            }
        }
        return Double.NaN;
    }

    /**
     * The REML estimate by maximising the restricted log-likelihood over tau² >= 0 directly, for where Fisher
     * scoring does not converge: metafor stops with an error there; this answers the maximum of the same
     * likelihood instead. That happens where the observed information at the maximum is a small fraction of the
     * expected information Fisher scoring steps by: the iteration then creeps towards the maximum, needs hundreds
     * or thousands of iterations, and shorter steps only slow it further.
     *
     * <p>The likelihood can have more than one local maximum. The score is evaluated on a grid, 0 and
     * {@value #GRID_POINTS_PER_DOUBLING} points per doubling up to a bound beyond which the score is negative;
     * each interval where the score changes from positive to not positive holds a local maximum, found by
     * bisection on the score (a smooth function of tau²) to 1e-12. Of these the likeliest is taken, or 0 by the
     * same rule as after Fisher scoring; 0 as well where the score is nowhere positive.
     */
    static double maximiseRestrictedLikelihood(WeightedLeastSquares model) {
        double vMin = Double.POSITIVE_INFINITY;
        double vMax = 0;
        for (double vi : model.v()) {
            vMin = Math.min(vMin, vi);
            vMax = Math.max(vMax, vi);
        }
        // With w = 1 / (v + tau²) and e the weighted residuals, y'PPy = sum w² e² <= wMax Q(tau²)
        // <= wMax² RSS(OLS) <= wMax² vMax Q(0), and tr(P) >= wMin (k - p). The score is therefore negative once
        // (k - p) (vMin + tau²)² > vMax Q(0) (vMax + tau²), which holds for every tau² at or above this bound.
        double upper = Math.max(vMax, 2 * vMax * model.at(0).q() / (model.k() - model.p()));
        double best = 0;
        double bestLogLikelihood = Double.NEGATIVE_INFINITY;
        double previous = 0;
        boolean previousPositive = score(model, 0) > 0;
        for (int j = GRID_DOUBLINGS * GRID_POINTS_PER_DOUBLING; j >= 0; j--) {
            double tau2 = upper * Math.pow(2, -(double) j / GRID_POINTS_PER_DOUBLING);
            boolean positive = score(model, tau2) > 0;
            if (previousPositive && !positive) {
                double maximum = scoreRoot(model, previous, tau2);
                double logLikelihood = restrictedLogLikelihood(model, maximum);
                if (logLikelihood > bestLogLikelihood) {
                    best = maximum;
                    bestLogLikelihood = logLikelihood;
                }
            }
            previous = tau2;
            previousPositive = positive;
        }
        return zeroIfLikelier(model, best);
    }

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

    /** metafor's check against the boundary: 0 if it is likelier than the local maximum {@code tau2}. */
    private static double zeroIfLikelier(WeightedLeastSquares model, double tau2) {
        boolean zeroIsLikelier = restrictedLogLikelihood(model, 0)
                - restrictedLogLikelihood(model, tau2) > LOG_LIKELIHOOD_TOLERANCE;
        return tau2 > CONVERGENCE && zeroIsLikelier ? 0 : tau2;
    }

    /** Twice the REML score, y'PPy - tr(P): the restricted log-likelihood's derivative in tau², doubled. */
    private static double score(WeightedLeastSquares model, double tau2) {
        WeightedLeastSquares.Fit fit = model.at(tau2);
        return fit.yPPy() - fit.traceP();
    }

    /** A root of the score between {@code lower}, where it is positive, and {@code upper}, where it is not. */
    private static double scoreRoot(WeightedLeastSquares model, double lower, double upper) {
        while (upper - lower > CONVERGENCE * Math.max(1, upper)) {
            double middle = (lower + upper) / 2;
            if (score(model, middle) > 0) {
                lower = middle;
            } else {
                upper = middle;
            }
        }
        return (lower + upper) / 2;
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
