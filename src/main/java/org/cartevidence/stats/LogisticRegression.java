package org.cartevidence.stats;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The common-effect logistic model logit(p_i) = x_i'beta fitted by maximum likelihood (iteratively reweighted least
 * squares, as R's {@code glm(cbind(xi, ni - xi) ~ X - 1, family = binomial)}): metafor's {@code rma.glmm(method =
 * "EE")} and the null model of its heterogeneity tests.
 */
final class LogisticRegression {

    /** A cohort whose fitted logit passes this has been pushed to 0 or 1: the estimate does not exist. */
    static final double SEPARATION = 30;
    private static final int MAX_ITERATIONS = 100;
    private static final double CONVERGENCE = 1e-10;

    /**
     * @param beta      the coefficients
     * @param vcov      their covariance, the inverse Fisher information
     * @param logLik    the log-likelihood kernel at beta
     * @param estimable false where some cohort's fitted proportion went to 0 or 1 (separation) or the information
     *                  is singular: beta is then not an estimate
     */
    record Fit(double[] beta, double[][] vcov, double logLik, boolean estimable) {
    }

    private LogisticRegression() {
    }

    static Fit fit(BinomialRows rows) {
        int p = rows.columns();
        double[] beta = new double[p];
        DMatrixRMaj information = new DMatrixRMaj(p, p);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            DMatrixRMaj score = new DMatrixRMaj(p, 1);
            information.zero();
            accumulate(rows, beta, score, information);
            DMatrixRMaj step = new DMatrixRMaj(p, 1);
            if (!CommonOps_DDRM.solveSPD(information.copy(), score, step)) {
                return new Fit(beta, null, logLik(rows, beta), false);
            }
            double largest = 0;
            for (int c = 0; c < p; c++) {
                beta[c] += step.get(c);
                largest = Math.max(largest, Math.abs(step.get(c)) / Math.max(1, Math.abs(beta[c])));
            }
            // Converged when beta stops moving. Under separation it never does (it grows by about 1 per step while
            // the log-likelihood creeps towards its supremum), so the fitted logits pass SEPARATION.
            if (largest <= CONVERGENCE) {
                break;
            }
        }
        information.zero();
        accumulate(rows, beta, new DMatrixRMaj(p, 1), information);
        DMatrixRMaj vcov = new DMatrixRMaj(p, p);
        boolean invertible = CommonOps_DDRM.invertSPD(information.copy(), vcov);
        boolean separated = false;
        for (int i = 0; i < rows.size; i++) {
            separated |= Math.abs(rows.linearPredictor(i, beta)) > SEPARATION;
        }
        return new Fit(beta, invertible ? Matrices.toArray(vcov) : null, logLik(rows, beta),
                invertible && !separated);
    }

    /** Adds the score X'(x - n p) and the Fisher information X' diag(n p (1 - p)) X at beta. */
    private static void accumulate(BinomialRows rows, double[] beta, DMatrixRMaj score, DMatrixRMaj information) {
        int p = beta.length;
        for (int i = 0; i < rows.size; i++) {
            double prob = Logit.inverse(rows.linearPredictor(i, beta));
            double m = rows.multiplicity[i];
            double residual = m * (rows.events[i] - rows.totals[i] * prob);
            double weight = m * rows.totals[i] * prob * (1 - prob);
            double[] xi = rows.x[i];
            for (int a = 0; a < p; a++) {
                score.add(a, 0, xi[a] * residual);
                for (int b = 0; b < p; b++) {
                    information.add(a, b, xi[a] * weight * xi[b]);
                }
            }
        }
    }

    static double logLik(BinomialRows rows, double[] beta) {
        double sum = 0;
        for (int i = 0; i < rows.size; i++) {
            double eta = rows.linearPredictor(i, beta);
            sum += rows.multiplicity[i]
                    * BinomialRows.logLikelihood(rows.events[i], rows.totals[i], Logit.logP(eta), Logit.log1mP(eta));
        }
        return sum;
    }

    /** The saturated model's log-likelihood kernel: each cohort at its own proportion. */
    static double saturatedLogLik(BinomialRows rows) {
        double sum = 0;
        for (int i = 0; i < rows.size; i++) {
            int x = rows.events[i];
            int n = rows.totals[i];
            double pHat = (double) x / n;
            sum += rows.multiplicity[i] * BinomialRows.logLikelihood(x, n, Math.log(pHat), Math.log1p(-pHat));
        }
        return sum;
    }
}
