package org.cartevidence.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Fixed- and mixed-effects meta-regression by inverse variance, agreeing with metafor 3.8's
 * {@code rma(yi, vi, mods = X, intercept = FALSE, method, test)} to 1e-6: weights 1 / (vi + tau²),
 * coefficients (X'WX)⁻¹ X'Wy with covariance (X'WX)⁻¹, tau² by {@link Tau2Estimator} with the moderators.
 * The omnibus QM of a design of one factor is the test for subgroup differences.
 */
public final class MetaRegression {

    /** metafor treats a weighted residual sum of squares at or below .Machine$double.eps as exactly 0. */
    private static final double ZERO_RESIDUAL = Math.ulp(1.0);
    /**
     * A column is collinear with those before it when what it adds to their span has a norm of at most this
     * fraction of its own: the tolerance of the QR decomposition with which R's {@code lm} (and so metafor) finds
     * redundant predictors.
     */
    private static final double COLLINEARITY_TOLERANCE = 1e-7;

    private MetaRegression() {
    }

    /**
     * Fits the meta-regression of the effect sizes on the design.
     *
     * <p>Identifiability: the columns must be linearly independent and there must be at least one cohort more
     * than columns (k >= p + 1), which a random-effects model needs to estimate tau² and a fixed-effect one to
     * test residual heterogeneity. Otherwise an {@link UnidentifiableModelException} names, in this order of
     * precedence, the first column that is 0 for every cohort (a factor level no cohort has), the first that is a
     * linear combination of the columns before it (where metafor would drop it silently), or column k, the first
     * that the cohorts cannot afford.
     *
     * @param yi        effect sizes, as {@link Transform.EffectSize#yi()}
     * @param vi        their sampling variances, all positive
     * @param x         design with one row per effect size
     * @param model     fixed effect (tau² = 0) or random effects (mixed effects)
     * @param estimator residual tau² estimator of the random-effects model; ignored (may be null) for the
     *                  fixed-effect model
     * @param ci        test of the coefficients: {@link CiMethod#WALD} (z), {@link CiMethod#HARTUNG_KNAPP}
     *                  (metafor "knha"), {@link CiMethod#ADHOC} ("adhoc"), {@link CiMethod#T} ("t")
     * @param level     confidence level of the coefficients' intervals, in (0, 1)
     * @throws UnidentifiableModelException if the design cannot be estimated from the cohorts, see above
     * @throws IllegalArgumentException     if the lengths disagree, a value is not finite or a variance not positive,
     *                                      the level is outside (0, 1), or a fixed-effect model is asked for
     *                                      Hartung-Knapp (which rescales a random-effects variance)
     */
    public static RegressionFit fit(double[] yi, double[] vi, Design x, PoolingModel model, Tau2Estimator estimator,
                                    CiMethod ci, double level) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(ci, "ci");
        Critical.requireLevel(level);
        int k = x.k();
        int p = x.p();
        if (yi.length != k || vi.length != k) {
            throw new IllegalArgumentException("the design has " + k + " rows for " + yi.length + " effect sizes and "
                    + vi.length + " variances");
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(yi[i]) || !(vi[i] > 0) || vi[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("cohort " + i + " needs a finite effect size and a finite positive"
                        + " variance, got " + yi[i] + " and " + vi[i]);
            }
        }
        boolean random = model == PoolingModel.RANDOM;
        if (random) {
            Objects.requireNonNull(estimator, "estimator");
        }
        boolean rescaled = ci == CiMethod.HARTUNG_KNAPP || ci == CiMethod.ADHOC;
        if (!random && rescaled) {
            throw new IllegalArgumentException("Hartung-Knapp tests need the random-effects model");
        }
        requireIdentifiable(x);
        double[] y = yi.clone();
        double[] v = vi.clone();

        double tau2 = random ? estimator.estimate(y, v, x) : 0;
        WeightedLeastSquares.Dense dense = new WeightedLeastSquares.Dense(y, v, x.matrix());
        WeightedLeastSquares.Dense.Solution fitted = dense.at(tau2);
        // The fixed-effect fit, for the test of residual heterogeneity.
        WeightedLeastSquares.Dense.Solution fixed = random ? dense.at(0) : fitted;
        int df = k - p;

        // Variance scale: Hartung-Knapp's weighted residual mean square (0 for a perfect fit, as metafor), at
        // least 1 in its ad hoc form; 1 for the Wald and plain t tests.
        double scale = 1;
        if (rescaled) {
            double rss = fitted.q();
            scale = rss <= ZERO_RESIDUAL ? 0 : rss / df;
            if (ci == CiMethod.ADHOC) {
                scale = Math.max(1, scale);
            }
        }
        boolean tTest = ci != CiMethod.WALD;
        List<Coefficient> coefficients = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            coefficients.add(Coefficient.tested(x.names().get(j), fitted.beta[j],
                    Math.sqrt(scale * fitted.covariance.get(j, j)), tTest ? df : null, level));
        }

        // metafor's default btt: every coefficient but the intercept, or the intercept alone. A zero scale leaves
        // a zero covariance, which metafor's Cholesky decomposition refuses (QM = NA).
        int first = p > 1 ? 1 : 0;
        int m = p - first;
        double qm = scale == 0 ? Double.NaN : waldStatistic(fitted, first) / scale;
        if (tTest) {
            qm /= m;
        }
        double qmPValue = Double.isNaN(qm) ? Double.NaN
                : tTest ? FDistribution.of(m, df).survivalProbability(qm)
                : ChiSquaredDistribution.of(m).survivalProbability(qm);

        double qe = Math.max(0, fixed.q());
        double qePValue = ChiSquaredDistribution.of(df).survivalProbability(qe);
        double i2;
        double h2;
        if (random) {
            double typicalVariance = df / fixed.traceP();
            i2 = 100 * tau2 / (typicalVariance + tau2);
            h2 = tau2 / typicalVariance + 1;
        } else {
            // QE = 0 gives -infinity here, hence 0 %.
            i2 = Math.max(0, 100 * (qe - df) / qe);
            h2 = qe / df;
        }
        Double r2 = p == 1 ? null : random ? pseudoR2(y, v, estimator, tau2) : adjustedR2(y, fixed);

        return new RegressionFit(k, p, coefficients, qm, m, tTest ? df : null, qmPValue, qe, df, qePValue, null, null,
                tau2, i2,
                h2, r2, tTest);
    }

    /**
     * The meta-regression of proportions: each cohort's effect size on the transform's scale (metafor's
     * {@code escalc}), then {@link #fit(double[], double[], Design, PoolingModel, Tau2Estimator, CiMethod, double)}.
     */
    public static RegressionFit fit(List<EventCount> cohorts, Transform transform, Design x, PoolingModel model,
                                    Tau2Estimator estimator, CiMethod ci, double level) {
        double[] yi = new double[cohorts.size()];
        double[] vi = new double[cohorts.size()];
        for (int i = 0; i < cohorts.size(); i++) {
            Transform.EffectSize es = transform.effectSize(cohorts.get(i));
            yi[i] = es.yi();
            vi[i] = es.vi();
        }
        return fit(yi, vi, x, model, estimator, ci, level);
    }

    /**
     * metafor's pseudo R² for a mixed-effects model: the relative reduction of tau² from the model without
     * moderators, by the same estimator, to this one.
     */
    private static double pseudoR2(double[] y, double[] v, Tau2Estimator estimator, double tau2) {
        double tau2WithoutModerators = estimator.estimate(y, v);
        if (tau2WithoutModerators == 0) {
            return 0;
        }
        return Math.max(0, 100 * (tau2WithoutModerators - tau2) / tau2WithoutModerators);
    }

    /**
     * metafor's R² for a fixed-effect model: R's adjusted R² of the weighted least-squares fit ({@code lm} with
     * weights 1 / vi), in percent and truncated at 0; 0 where all effect sizes are equal.
     */
    private static double adjustedR2(double[] y, WeightedLeastSquares.Dense.Solution fixed) {
        int k = y.length;
        int p = fixed.beta.length;
        boolean allEqual = true;
        for (double yi : y) {
            allEqual &= yi == y[0];
        }
        if (allEqual) {
            return 0;
        }
        double sumW = 0;
        double sumWFitted = 0;
        for (int i = 0; i < k; i++) {
            sumW += fixed.w[i];
            sumWFitted += fixed.w[i] * (y[i] - fixed.residuals[i]);
        }
        double meanFitted = sumWFitted / sumW;
        double explained = 0;
        double residual = 0;
        for (int i = 0; i < k; i++) {
            double deviation = y[i] - fixed.residuals[i] - meanFitted;
            explained += fixed.w[i] * deviation * deviation;
            residual += fixed.w[i] * fixed.residuals[i] * fixed.residuals[i];
        }
        double r2 = explained / (explained + residual);
        double adjusted = 1 - (1 - r2) * ((k - 1.0) / (k - p));
        return Math.max(0, 100 * adjusted);
    }

    /** Refuses a design the cohorts cannot identify, naming its first offending column (see {@link #fit}). */
    static void requireIdentifiable(Design x) {
        int k = x.k();
        int p = x.p();
        double[][] rows = x.rows();
        for (int j = 1; j < p; j++) {
            boolean allZero = true;
            for (double[] row : rows) {
                allZero &= row[j] == 0;
            }
            if (allZero) {
                throw new UnidentifiableModelException(x.names().get(j), "column '" + x.names().get(j)
                        + "' is 0 for every cohort (a level that no cohort has?), so its coefficient cannot be"
                        + " estimated");
            }
        }
        // Householder QR without pivoting: |R_jj| is the norm of what column j adds to the columns before it.
        int checked = Math.min(p, k - 1);
        if (checked > 0) {
            DMatrixRMaj columns = new DMatrixRMaj(k, checked);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < checked; j++) {
                    columns.unsafe_set(i, j, rows[i][j]);
                }
            }
            QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(k, checked);
            // Reports failure where a column is exactly in the span of those before it; its R_jj is then 0.
            qr.decompose(columns.copy());
            DMatrixRMaj r = qr.getR(null, true);
            for (int j = 0; j < checked; j++) {
                double norm = 0;
                for (int i = 0; i < k; i++) {
                    norm += columns.unsafe_get(i, j) * columns.unsafe_get(i, j);
                }
                if (Math.abs(r.get(j, j)) <= COLLINEARITY_TOLERANCE * Math.sqrt(norm)) {
                    throw new UnidentifiableModelException(x.names().get(j), "column '" + x.names().get(j)
                            + "' is a linear combination of the columns before it " + x.names().subList(0, j)
                            + ", so its coefficient cannot be estimated");
                }
            }
        }
        if (p > k - 1) {
            throw new UnidentifiableModelException(x.names().get(k - 1), k + " cohorts cannot estimate column '"
                    + x.names().get(k - 1) + "': a model with " + p + " coefficients needs at least " + (p + 1)
                    + " cohorts");
        }
    }

    /** b' V⁻¹ b for the coefficients from {@code first} on, V their block of (X'WX)⁻¹; NaN if V is singular. */
    private static double waldStatistic(WeightedLeastSquares.Dense.Solution fitted, int first) {
        int p = fitted.beta.length;
        int m = p - first;
        DMatrixRMaj covariance = new DMatrixRMaj(m, m);
        DMatrixRMaj b = new DMatrixRMaj(m, 1);
        for (int a = 0; a < m; a++) {
            b.data[a] = fitted.beta[first + a];
            for (int c = 0; c < m; c++) {
                covariance.unsafe_set(a, c, fitted.covariance.get(first + a, first + c));
            }
        }
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.symmPosDef(m);
        if (!cholesky.setA(covariance)) {
            return Double.NaN;
        }
        DMatrixRMaj solved = new DMatrixRMaj(m, 1);
        cholesky.solve(b, solved);
        double q = 0;
        for (int a = 0; a < m; a++) {
            q += b.data[a] * solved.data[a];
        }
        return q;
    }
}
