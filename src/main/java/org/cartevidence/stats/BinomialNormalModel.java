package org.cartevidence.stats;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The binomial-normal random-intercept model logit(p_i) = x_i'beta + sigma u_i, u_i ~ N(0, 1), fitted by maximum
 * likelihood with each cohort's integral over u_i taken by 7-point adaptive Gauss-Hermite quadrature: lme4's
 * {@code glmer(cbind(xi, ni - xi) ~ X - 1 + (1 | cohort), family = binomial, nAGQ = 7)}, which metafor's
 * {@code rma.glmm(measure = "PLO", method = "ML")} fits. tau² = sigma².
 *
 * <p>The deviance is minimised by Newton's method on (beta, sigma) with central-difference derivatives and a
 * backtracking line search, from the common-effect estimate and sigma = 1 (lme4's start). The deviance is even in
 * sigma, so sigma is left unconstrained and its absolute value taken: a fit at the boundary tau² = 0 needs no special
 * case. The covariance of beta is, as lme4's {@code vcov}, the beta block of twice the inverse Hessian of the
 * deviance in (sigma, beta), here by central differences with lme4's step of 1e-4.
 */
final class BinomialNormalModel {

    /**
     * Beyond this tau² (sigma = 10 on the logit scale: a 95 % range of cohort proportions from 2e-9 to 1 - 2e-9) the
     * likelihood is taken to have no maximum: cohorts at 0 and at all events pull sigma towards infinity.
     */
    static final double MAX_TAU2 = 100;
    private static final int MAX_ITERATIONS = 200;
    /** Below this sigma the deviance is too flat for its change to tell convergence. */
    private static final double FLAT = 1e-2;
    /** A sigma below this that fits no better than sigma = 0 is taken to be 0. */
    private static final double BOUNDARY = 1e-4;
    private static final int MAX_MODE_ITERATIONS = 100;
    private static final double MODE_CONVERGENCE = 1e-14;
    private static final double STEP_CONVERGENCE = 1e-10;
    /**
     * Step of the central differences in a cohort's linear predictor and in sigma (lme4's {@code deriv12} takes
     * 1e-4 in its parameters too).
     */
    private static final double STEP = 1e-4;

    /**
     * @param beta      the fixed effects
     * @param vcov      their covariance (null where the Hessian is not positive definite)
     * @param tau2      sigma², the between-cohort variance of the logits
     * @param deviance  -2 times the log marginal likelihood kernel (no binomial coefficients)
     * @param estimable false where the maximum was not found, lies at tau² beyond {@link #MAX_TAU2}, or the
     *                  covariance is not positive definite
     */
    record Fit(double[] beta, double[][] vcov, double tau2, double deviance, boolean estimable) {
    }

    private BinomialNormalModel() {
    }

    /** @param start the starting fixed effects, e.g. the common-effect logistic fit */
    static Fit fit(BinomialRows rows, double[] start) {
        int p = rows.columns();
        double[] theta = new double[p + 1]; // beta, then sigma
        System.arraycopy(start, 0, theta, 0, p);
        theta[p] = 1;
        double f = deviance(rows, theta);
        boolean converged = false;
        for (int iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration++) {
            Derivatives d = derivatives(rows, theta);
            double[] direction = newtonDirection(d);
            double slope = 0;
            for (int i = 0; i <= p; i++) {
                slope += d.gradient[i] * direction[i];
            }
            double t = 1;
            double[] next = theta.clone();
            double fNext = Double.NaN;
            while (t > 1e-12) {
                for (int i = 0; i <= p; i++) {
                    next[i] = theta[i] + t * direction[i];
                }
                fNext = deviance(rows, next);
                if (fNext <= f + 1e-4 * t * slope) {
                    break;
                }
                t /= 2;
            }
            double largestStep = 0;
            for (int i = 0; i <= p; i++) {
                largestStep = Math.max(largestStep, Math.abs(next[i] - theta[i]) / Math.max(1, Math.abs(theta[i])));
            }
            if (!(fNext <= f)) { // no step along the direction lowers the deviance: at the minimum to precision
                converged = true;
                break;
            }
            // Near sigma = 0 the deviance is flat (even in sigma): Newton closes in on a maximum at 0 only by a
            // constant factor per step while the deviance barely moves, so there only the steps say when to stop.
            converged = largestStep < STEP_CONVERGENCE
                    || f - fNext < 1e-13 * Math.abs(f) && Math.abs(next[p]) > FLAT;
            theta = next;
            f = fNext;
            if (theta[p] * theta[p] > MAX_TAU2) {
                break;
            }
        }
        theta[p] = Math.abs(theta[p]);
        if (theta[p] < BOUNDARY) {
            // The deviance is flat in sigma near 0: a maximum this close to the boundary is the boundary (lme4's
            // bounded optimiser lands on sigma = 0 exactly), with tau² = 0 rather than rounding noise.
            double[] boundary = theta.clone();
            boundary[p] = 0;
            double atBoundary = deviance(rows, boundary);
            if (atBoundary <= f + 1e-9) {
                theta = boundary;
                f = Math.min(f, atBoundary);
            }
        }
        double tau2 = theta[p] * theta[p];
        double[] beta = java.util.Arrays.copyOf(theta, p);
        double[][] vcov = covariance(rows, theta, f);
        boolean estimable = converged && tau2 <= MAX_TAU2 && vcov != null;
        return new Fit(beta, vcov, tau2, f, estimable);
    }

    /** -2 log L(beta, sigma) with each cohort's integral by 7-point adaptive Gauss-Hermite quadrature. */
    static double deviance(BinomialRows rows, double[] theta) {
        int p = theta.length - 1;
        double sigma = theta[p];
        double sum = 0;
        for (int i = 0; i < rows.size; i++) {
            double eta0 = 0;
            for (int c = 0; c < p; c++) {
                eta0 += rows.x[i][c] * theta[c];
            }
            sum += rows.multiplicity[i] * logMarginal(rows.events[i], rows.totals[i], eta0, sigma);
        }
        return -2 * sum;
    }

    /**
     * log of the integral over u of Binomial(x | n, expit(eta0 + sigma u)) φ(u): the quadrature is centred at the
     * integrand's mode and scaled by its curvature there (lme4's adaptive rule).
     */
    static double logMarginal(int x, int n, double eta0, double sigma) {
        double u = mode(x, n, eta0, sigma);
        double prob = Logit.inverse(eta0 + sigma * u);
        double scale = 1 / Math.sqrt(sigma * sigma * n * prob * (1 - prob) + 1);
        double[] terms = new double[GaussHermite.NODES.length];
        double largest = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < terms.length; j++) {
            terms[j] = Math.log(GaussHermite.WEIGHTS[j])
                    + logIntegrand(x, n, eta0, sigma, u + scale * GaussHermite.NODES[j])
                    - GaussHermite.LOG_DENSITY[j];
            largest = Math.max(largest, terms[j]);
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - largest);
        }
        return Math.log(scale) + largest + Math.log(sum);
    }

    /**
     * The u at which the integrand peaks: the root of its log's derivative sigma (x - n expit(eta0 + sigma u)) - u,
     * which falls strictly in u and lies between sigma (x - n) and sigma x. Newton's method, with a bisection
     * wherever a step would leave that bracket, so that it converges from any start.
     */
    private static double mode(int x, int n, double eta0, double sigma) {
        double low = Math.min(sigma * (x - n), sigma * x);
        double high = Math.max(sigma * (x - n), sigma * x);
        double u = Math.max(low, Math.min(high, 0));
        for (int iteration = 0; iteration < MAX_MODE_ITERATIONS; iteration++) {
            double prob = Logit.inverse(eta0 + sigma * u);
            double slope = sigma * (x - n * prob) - u;
            if (slope == 0) {
                return u;
            }
            if (slope > 0) {
                low = u;
            } else {
                high = u;
            }
            double next = u + slope / (sigma * sigma * n * prob * (1 - prob) + 1);
            if (!(next > low && next < high)) {
                next = (low + high) / 2;
            }
            if (Math.abs(next - u) <= MODE_CONVERGENCE * (1 + Math.abs(u))) {
                return next;
            }
            u = next;
        }
        return u;
    }

    private static double logIntegrand(int x, int n, double eta0, double sigma, double u) {
        double eta = eta0 + sigma * u;
        return BinomialRows.logLikelihood(x, n, Logit.logP(eta), Logit.log1mP(eta))
                + GaussHermite.logStandardNormal(u);
    }

    private record Derivatives(double[] gradient, double[][] hessian) {
    }

    /**
     * The deviance's gradient and Hessian in (beta, sigma). A cohort's term depends on beta only through its linear
     * predictor eta = x'beta, so each term is differentiated in (eta, sigma) by central differences (nine
     * evaluations) and the chain rule carries that to beta: the cost is that of nine deviances however many
     * coefficients there are.
     */
    private static Derivatives derivatives(BinomialRows rows, double[] theta) {
        int p = theta.length - 1;
        double sigma = theta[p];
        double h = STEP;
        double[] gradient = new double[p + 1];
        double[][] hessian = new double[p + 1][p + 1];
        for (int i = 0; i < rows.size; i++) {
            int x = rows.events[i];
            int n = rows.totals[i];
            double eta = 0;
            for (int c = 0; c < p; c++) {
                eta += rows.x[i][c] * theta[c];
            }
            double f00 = logMarginal(x, n, eta, sigma);
            double fp0 = logMarginal(x, n, eta + h, sigma);
            double fm0 = logMarginal(x, n, eta - h, sigma);
            double f0p = logMarginal(x, n, eta, sigma + h);
            double f0m = logMarginal(x, n, eta, sigma - h);
            double fpp = logMarginal(x, n, eta + h, sigma + h);
            double fpm = logMarginal(x, n, eta + h, sigma - h);
            double fmp = logMarginal(x, n, eta - h, sigma + h);
            double fmm = logMarginal(x, n, eta - h, sigma - h);
            double weight = -2 * rows.multiplicity[i];
            double gEta = weight * (fp0 - fm0) / (2 * h);
            double gSigma = weight * (f0p - f0m) / (2 * h);
            double hEtaEta = weight * (fp0 - 2 * f00 + fm0) / (h * h);
            double hSigmaSigma = weight * (f0p - 2 * f00 + f0m) / (h * h);
            double hEtaSigma = weight * (fpp - fpm - fmp + fmm) / (4 * h * h);
            double[] xi = rows.x[i];
            for (int a = 0; a < p; a++) {
                gradient[a] += gEta * xi[a];
                hessian[a][p] += hEtaSigma * xi[a];
                for (int b = 0; b <= a; b++) {
                    hessian[a][b] += hEtaEta * xi[a] * xi[b];
                }
            }
            gradient[p] += gSigma;
            hessian[p][p] += hSigmaSigma;
        }
        for (int a = 0; a <= p; a++) {
            for (int b = a + 1; b <= p; b++) {
                if (b < p) {
                    hessian[a][b] = hessian[b][a];
                } else {
                    hessian[p][a] = hessian[a][p];
                }
            }
        }
        return new Derivatives(gradient, hessian);
    }

    /** The Newton step -H⁻¹g, with the Hessian's diagonal raised until it is positive definite (Levenberg). */
    private static double[] newtonDirection(Derivatives d) {
        int n = d.gradient.length;
        DMatrixRMaj g = new DMatrixRMaj(n, 1, true, d.gradient);
        double damping = 0;
        double largestDiagonal = 0;
        for (int i = 0; i < n; i++) {
            largestDiagonal = Math.max(largestDiagonal, Math.abs(d.hessian[i][i]));
        }
        for (int attempt = 0; attempt < 60; attempt++) {
            DMatrixRMaj h = new DMatrixRMaj(d.hessian);
            for (int i = 0; i < n; i++) {
                h.add(i, i, damping);
            }
            DMatrixRMaj step = new DMatrixRMaj(n, 1);
            if (CommonOps_DDRM.solveSPD(h, g.copy(), step)) {
                double[] direction = new double[n];
                for (int i = 0; i < n; i++) {
                    direction[i] = -step.get(i);
                }
                return direction;
            }
            damping = damping == 0 ? 1e-8 * Math.max(1, largestDiagonal) : damping * 10;
        }
        double[] descent = new double[n];
        for (int i = 0; i < n; i++) {
            descent[i] = -d.gradient[i] / Math.max(1, largestDiagonal);
        }
        return descent;
    }

    /**
     * The beta block of 2 H⁻¹, H the deviance's Hessian in (beta, sigma). Where H is not positive definite (near the
     * boundary tau² = 0 the deviance can be flat in sigma), lme4 falls back to the covariance of beta at the fitted
     * sigma, 2 times the inverse of H's beta block, which is also H⁻¹'s beta block at sigma = 0; null if that is not
     * positive definite either.
     */
    private static double[][] covariance(BinomialRows rows, double[] theta, double f) {
        int n = theta.length;
        Derivatives d = derivatives(rows, theta);
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        // At sigma = 0 the deviance is even in sigma, so the cross derivatives vanish and the beta block is all there
        // is; taking it directly keeps rounding in a near-zero sigma curvature out of the beta variances.
        boolean boundary = theta[n - 1] == 0;
        if (boundary || !CommonOps_DDRM.invertSPD(new DMatrixRMaj(d.hessian), inverse)) {
            DMatrixRMaj betaBlock = new DMatrixRMaj(n - 1, n - 1);
            for (int a = 0; a < n - 1; a++) {
                for (int b = 0; b < n - 1; b++) {
                    betaBlock.set(a, b, d.hessian[a][b]);
                }
            }
            inverse = new DMatrixRMaj(n - 1, n - 1);
            if (!CommonOps_DDRM.invertSPD(betaBlock, inverse)) {
                return null;
            }
        }
        double[][] vcov = new double[n - 1][n - 1];
        for (int a = 0; a < n - 1; a++) {
            for (int b = 0; b < n - 1; b++) {
                vcov[a][b] = 2 * inverse.get(a, b);
            }
        }
        return vcov;
    }
}
