package org.cartevidence.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Meta-regression by the logistic models of the GLMM, agreeing with metafor's {@code rma.glmm(measure = "PLO",
 * mods = X[, -1], method = "ML" or "EE", nAGQ = 7, test = "z" or "t")}: the binomial-normal model with the
 * moderators as fixed effects (random effects), or the logistic regression (fixed effect). Its omnibus QM over a
 * factor is the GLMM's test for subgroup differences.
 *
 * <p>As rma.glmm does, numeric moderators are centred and scaled for the fit (dummies are left as they are) and the
 * coefficients and their covariance transformed back: the model is the same, its optimisation better conditioned.
 */
public final class GlmmRegression {

    private GlmmRegression() {
    }

    /**
     * @param cohorts one per design row
     * @param x       the design, its first column the intercept
     * @param model   random effects (the binomial-normal model) or fixed effect (logistic regression)
     * @param ci      {@link CiMethod#WALD} (z) or {@link CiMethod#T} (t on k - p df)
     * @param level   confidence level of the coefficients' intervals
     * @throws UnidentifiableModelException if the design cannot be estimated from the cohorts (as
     *                                      {@link MetaRegression}), or the logistic model has no finite estimate for
     *                                      it: the column named is the one whose coefficient runs away, e.g. a
     *                                      factor level whose cohorts all had the outcome
     * @throws IllegalArgumentException     for an interval method other than Wald or t
     */
    public static RegressionFit fit(List<EventCount> cohorts, Design x, PoolingModel model, CiMethod ci,
                                    double level) {
        Objects.requireNonNull(model, "model");
        Critical.requireLevel(level);
        if (ci != CiMethod.WALD && ci != CiMethod.T) {
            throw new IllegalArgumentException("the GLMM tests by Wald (z) or t, not " + ci);
        }
        int k = x.k();
        int p = x.p();
        if (cohorts.size() != k) {
            throw new IllegalArgumentException("the design has " + k + " rows for " + cohorts.size() + " cohorts");
        }
        MetaRegression.requireIdentifiable(x);
        Scaling scaling = Scaling.of(x);
        BinomialRows rows = BinomialRows.of(cohorts, scaling.scaled);

        LogisticRegression.Fit common = LogisticRegression.fit(rows);
        if (!common.estimable()) {
            throw runaway(x, common.beta(), "the logistic model has no finite estimate");
        }
        double[] beta = common.beta();
        double[][] vcov = common.vcov();
        double tau2 = 0;
        if (model == PoolingModel.RANDOM) {
            BinomialNormalModel.Fit fit = BinomialNormalModel.fit(rows, common.beta());
            if (!fit.estimable()) {
                throw new UnidentifiableModelException(x.names().get(p - 1), "the random-effects logistic model has "
                        + "no maximum likelihood estimate for these cohorts (τ² grows without bound)");
            }
            beta = fit.beta();
            vcov = fit.vcov();
            tau2 = fit.tau2();
        }
        DMatrixRMaj b = scaling.back(beta);
        DMatrixRMaj v = scaling.back(vcov);

        int df = k - p;
        boolean tTest = ci == CiMethod.T;
        List<Coefficient> coefficients = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            coefficients.add(Coefficient.tested(x.names().get(j), b.get(j), Math.sqrt(v.get(j, j)),
                    tTest ? df : null, level));
        }

        // metafor's default btt: every coefficient but the intercept, or the intercept alone.
        int first = p > 1 ? 1 : 0;
        int m = p - first;
        double qm = wald(b, v, first);
        if (tTest) {
            qm /= m;
        }
        double qmPValue = tTest ? FDistribution.of(m, df).survivalProbability(qm)
                : ChiSquaredDistribution.of(m).survivalProbability(qm);

        ChiSquaredDistribution residual = ChiSquaredDistribution.of(df);
        double qe = GlmmPooling.waldHeterogeneity(rows);
        double lrt = Math.max(0, -2 * (common.logLik() - LogisticRegression.saturatedLogLik(rows)));
        double typical = df / typicalTraceP(cohorts, x);
        return new RegressionFit(k, p, coefficients, qm, m, tTest ? df : null, qmPValue, qe, df,
                residual.survivalProbability(qe), lrt, residual.survivalProbability(lrt), tau2,
                100 * tau2 / (typical + tau2), tau2 / typical + 1, null, tTest);
    }

    /** beta[first..]' V[first..]⁻¹ beta[first..]. */
    private static double wald(DMatrixRMaj beta, DMatrixRMaj vcov, int first) {
        int m = beta.numRows - first;
        DMatrixRMaj b = CommonOps_DDRM.extract(beta, first, beta.numRows, 0, 1);
        DMatrixRMaj v = CommonOps_DDRM.extract(vcov, first, vcov.numRows, first, vcov.numCols);
        DMatrixRMaj solved = new DMatrixRMaj(m, 1);
        if (!CommonOps_DDRM.solveSPD(v, b.copy(), solved)) {
            return Double.NaN;
        }
        return CommonOps_DDRM.dot(b, solved);
    }

    /**
     * tr(P) with P = W - W X (X'WX)⁻¹ X'W and W the inverse escalc variances of the logits (1/2 added to cohorts at
     * 0 or all events): rma.glmm's typical within-cohort variance is (k - p) / tr(P).
     */
    private static double typicalTraceP(List<EventCount> cohorts, Design x) {
        int k = x.k();
        int p = x.p();
        double[][] rows = x.rows();
        DMatrixRMaj xtwx = new DMatrixRMaj(p, p);
        DMatrixRMaj xtw2x = new DMatrixRMaj(p, p);
        double traceW = 0;
        for (int i = 0; i < k; i++) {
            double w = 1 / Transform.LOGIT.effectSize(cohorts.get(i)).vi();
            traceW += w;
            for (int a = 0; a < p; a++) {
                for (int c = 0; c < p; c++) {
                    xtwx.add(a, c, rows[i][a] * w * rows[i][c]);
                    xtw2x.add(a, c, rows[i][a] * w * w * rows[i][c]);
                }
            }
        }
        DMatrixRMaj inverse = new DMatrixRMaj(p, p);
        CommonOps_DDRM.invertSPD(xtwx, inverse);
        DMatrixRMaj product = new DMatrixRMaj(p, p);
        CommonOps_DDRM.mult(inverse, xtw2x, product);
        return traceW - CommonOps_DDRM.trace(product);
    }

    /** The refusal for a separated design, naming the moderator column whose (scaled) coefficient ran furthest. */
    private static UnidentifiableModelException runaway(Design x, double[] beta, String why) {
        int worst = beta.length > 1 ? 1 : 0;
        for (int j = 1; j < beta.length; j++) {
            if (Math.abs(beta[j]) > Math.abs(beta[worst])) {
                worst = j;
            }
        }
        return new UnidentifiableModelException(x.names().get(worst), why + ": some cohorts' proportions are pushed "
                + "to 0 or 1 (e.g. every cohort of a group had the outcome, or none did)");
    }

    /** rma.glmm's standardisation of numeric moderators: x' = (x - mean) / sd, dummies and the intercept kept. */
    private static final class Scaling {

        final double[][] scaled;
        /** M with beta = M beta', so that the covariance is M V' M'. */
        final DMatrixRMaj back;

        private Scaling(double[][] scaled, DMatrixRMaj back) {
            this.scaled = scaled;
            this.back = back;
        }

        static Scaling of(Design x) {
            double[][] rows = x.rows();
            int k = x.k();
            int p = x.p();
            DMatrixRMaj back = CommonOps_DDRM.identity(p);
            for (int j = 1; j < p; j++) {
                boolean dummy = true;
                double sum = 0;
                for (double[] row : rows) {
                    dummy &= row[j] == 0 || row[j] == 1;
                    sum += row[j];
                }
                if (dummy || k < 2) {
                    continue;
                }
                double mean = sum / k;
                double squares = 0;
                for (double[] row : rows) {
                    squares += (row[j] - mean) * (row[j] - mean);
                }
                double sd = Math.sqrt(squares / (k - 1));
                for (double[] row : rows) {
                    row[j] = (row[j] - mean) / sd;
                }
                back.set(0, j, -mean / sd);
                back.set(j, j, 1 / sd);
            }
            return new Scaling(rows, back);
        }

        DMatrixRMaj back(double[] beta) {
            DMatrixRMaj result = new DMatrixRMaj(beta.length, 1);
            CommonOps_DDRM.mult(back, new DMatrixRMaj(beta.length, 1, true, beta), result);
            return result;
        }

        DMatrixRMaj back(double[][] vcov) {
            DMatrixRMaj v = new DMatrixRMaj(vcov);
            DMatrixRMaj temp = new DMatrixRMaj(v.numRows, v.numCols);
            CommonOps_DDRM.mult(back, v, temp);
            DMatrixRMaj result = new DMatrixRMaj(v.numRows, v.numCols);
            CommonOps_DDRM.multTransB(temp, back, result);
            return result;
        }
    }
}
