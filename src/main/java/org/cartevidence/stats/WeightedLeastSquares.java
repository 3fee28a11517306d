package org.cartevidence.stats;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Weighted least squares of k effect sizes y on a k × p design X with weights w = 1 / (v + tau²): what the tau²
 * estimators need of metafor's residual projection P = W - W X (X'WX)⁻¹ X'W at a given tau². Nothing k × k is
 * formed, so large k costs O(k p²) per tau².
 */
sealed interface WeightedLeastSquares {

    int k();

    int p();

    /** The sampling variances v. */
    double[] v();

    /** Hedges' (HE) estimate (RSS - tr(P₀V)) / (k - p) from the unweighted fit, metafor's REML start; may be < 0. */
    double hedges();

    /** The fit at this tau². */
    Fit at(double tau2);

    /** The weighted fit at one tau². */
    interface Fit {

        /** y'Py, the weighted residual sum of squares: Cochran's Q (QE) at tau² = 0, the generalized Q otherwise. */
        double q();

        double traceP();

        /** y'PPy, the REML score's data term. */
        double yPPy();

        double tracePP();

        /** log det(X'WX), the REML likelihood's term for the estimated coefficients. */
        double logDetXWX();
    }

    static WeightedLeastSquares interceptOnly(double[] y, double[] v) {
        return new InterceptOnly(y, v);
    }

    /**
     * The model of y on {@code x}. An intercept-only design gets the closed forms {@link MetaAnalysis} uses, so the
     * regression without moderators estimates tau² to the bit as the pooled analysis does.
     */
    static WeightedLeastSquares of(double[] y, double[] v, Design x) {
        return x.p() == 1 ? new InterceptOnly(y, v) : new Dense(y, v, x.matrix());
    }

    /** X = a column of 1s: sums of weights instead of matrices. */
    record InterceptOnly(double[] y, double[] v) implements WeightedLeastSquares {

        @Override
        public int k() {
            return y.length;
        }

        @Override
        public int p() {
            return 1;
        }

        @Override
        public double hedges() {
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

        @Override
        public Fit at(double tau2) {
            InverseVariance iv = new InverseVariance(y, v, tau2);
            return new Fit() {
                @Override
                public double q() {
                    return iv.q;
                }

                @Override
                public double traceP() {
                    return iv.traceP();
                }

                @Override
                public double yPPy() {
                    double yPPy = 0;
                    for (int i = 0; i < y.length; i++) {
                        yPPy += Math.pow(iv.w[i] * (y[i] - iv.mu), 2);
                    }
                    return yPPy;
                }

                @Override
                public double tracePP() {
                    double sumW2 = iv.sumWPow(2);
                    double sumW3 = iv.sumWPow(3);
                    return sumW2 - 2 * sumW3 / iv.sumW + sumW2 * sumW2 / (iv.sumW * iv.sumW);
                }

                @Override
                public double logDetXWX() {
                    return Math.log(iv.sumW);
                }
            };
        }
    }

    /** Any full-rank design, by the QR decomposition of W^½ X (as metafor's {@code .invcalc}). */
    record Dense(double[] y, double[] v, DMatrixRMaj x) implements WeightedLeastSquares {

        @Override
        public int k() {
            return y.length;
        }

        @Override
        public int p() {
            return x.numCols;
        }

        @Override
        public double hedges() {
            double[] ones = new double[y.length];
            Arrays.fill(ones, 1);
            Solution ols = solve(ones);
            double rss = 0;
            double sumV = 0;
            for (int i = 0; i < y.length; i++) {
                rss += ols.residuals[i] * ols.residuals[i];
                sumV += v[i];
            }
            // tr(P₀V) = tr(V) - tr((X'X)⁻¹ X'VX)
            double tracePV = sumV - traceOfProduct(ols.covariance, crossProduct(v, 1));
            return (rss - tracePV) / (k() - p());
        }

        @Override
        public Solution at(double tau2) {
            double[] w = new double[y.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = 1 / (v[i] + tau2);
            }
            return solve(w);
        }

        /** The weighted least-squares solution with weights w. */
        Solution solve(double[] w) {
            int k = y.length;
            int p = x.numCols;
            DMatrixRMaj sqrtWX = new DMatrixRMaj(k, p);
            for (int i = 0; i < k; i++) {
                double s = Math.sqrt(w[i]);
                for (int j = 0; j < p; j++) {
                    sqrtWX.unsafe_set(i, j, s * x.unsafe_get(i, j));
                }
            }
            QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(k, p);
            if (!qr.decompose(sqrtWX)) {
                throw new ArithmeticException("QR decomposition of the weighted design failed");
            }
            DMatrixRMaj r = qr.getR(null, true);
            // (X'WX)⁻¹ = R⁻¹ R⁻ᵀ; R' is lower triangular, and its inverse is (R⁻¹)'.
            DMatrixRMaj inverseRt = CommonOps_DDRM.transpose(r, null);
            TriangularSolver_DDRM.invertLower(inverseRt.data, p);
            DMatrixRMaj covariance = new DMatrixRMaj(p, p);
            CommonOps_DDRM.multTransA(inverseRt, inverseRt, covariance);
            double logDet = 0;
            for (int j = 0; j < p; j++) {
                logDet += Math.log(r.get(j, j) * r.get(j, j));
            }

            DMatrixRMaj xtwy = new DMatrixRMaj(p, 1);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < p; j++) {
                    xtwy.data[j] += x.unsafe_get(i, j) * w[i] * y[i];
                }
            }
            DMatrixRMaj beta = new DMatrixRMaj(p, 1);
            CommonOps_DDRM.mult(covariance, xtwy, beta);
            double[] residuals = new double[k];
            for (int i = 0; i < k; i++) {
                double fitted = 0;
                for (int j = 0; j < p; j++) {
                    fitted += x.unsafe_get(i, j) * beta.data[j];
                }
                residuals[i] = y[i] - fitted;
            }
            return new Solution(w, beta.data, covariance, residuals, logDet);
        }

        /** X' diag(w^power) X. */
        private DMatrixRMaj crossProduct(double[] w, int power) {
            int p = x.numCols;
            DMatrixRMaj product = new DMatrixRMaj(p, p);
            for (int i = 0; i < x.numRows; i++) {
                double wi = Math.pow(w[i], power);
                for (int a = 0; a < p; a++) {
                    double xa = wi * x.unsafe_get(i, a);
                    for (int b = 0; b < p; b++) {
                        product.data[a * p + b] += xa * x.unsafe_get(i, b);
                    }
                }
            }
            return product;
        }

        private static double traceOfProduct(DMatrixRMaj a, DMatrixRMaj b) {
            double trace = 0;
            for (int i = 0; i < a.numRows; i++) {
                for (int j = 0; j < a.numCols; j++) {
                    trace += a.unsafe_get(i, j) * b.unsafe_get(j, i);
                }
            }
            return trace;
        }

        /**
         * The weighted least-squares solution: coefficients, their model-based covariance (X'WX)⁻¹ and the residuals.
         */
        final class Solution implements Fit {

            final double[] w;
            final double[] beta;
            final DMatrixRMaj covariance;
            final double[] residuals;
            private final double logDetXWX;

            private Solution(double[] w, double[] beta, DMatrixRMaj covariance, double[] residuals, double logDetXWX) {
                this.w = w;
                this.beta = beta;
                this.covariance = covariance;
                this.residuals = residuals;
                this.logDetXWX = logDetXWX;
            }

            @Override
            public double q() {
                double q = 0;
                for (int i = 0; i < w.length; i++) {
                    q += w[i] * residuals[i] * residuals[i];
                }
                return q;
            }

            @Override
            public double traceP() {
                double sumW = 0;
                for (double wi : w) {
                    sumW += wi;
                }
                return sumW - traceOfProduct(covariance, crossProduct(w, 2));
            }

            /** Py = W e, the weighted residuals. */
            @Override
            public double yPPy() {
                double yPPy = 0;
                for (int i = 0; i < w.length; i++) {
                    yPPy += Math.pow(w[i] * residuals[i], 2);
                }
                return yPPy;
            }

            /** tr(PP) = tr(W²) - 2 tr(A X'W³X) + tr(A X'W²X A X'W²X) with A = (X'WX)⁻¹. */
            @Override
            public double tracePP() {
                double sumW2 = 0;
                for (double wi : w) {
                    sumW2 += wi * wi;
                }
                DMatrixRMaj aB2 = new DMatrixRMaj(covariance.numRows, covariance.numCols);
                CommonOps_DDRM.mult(covariance, crossProduct(w, 2), aB2);
                return sumW2 - 2 * traceOfProduct(covariance, crossProduct(w, 3)) + traceOfProduct(aB2, aB2);
            }

            @Override
            public double logDetXWX() {
                return logDetXWX;
            }
        }
    }
}
