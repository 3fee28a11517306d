package org.cartevidence.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Pooling by the logistic models of {@link PoolingMethod#GLMM}, agreeing with metafor's {@code rma.glmm(measure =
 * "PLO", method = "ML" or "EE", nAGQ = 7, test = "z" or "t")} and {@code predict}: the random-effects
 * (binomial-normal) model, or the common-effect logistic model for {@link PoolingModel#FIXED}.
 *
 * <p>Where neither can be estimated (one cohort; every cohort at 0 events or every cohort at all events, where the
 * logit has no finite maximum; for random effects, every cohort at the same proportion, which glmer refuses, or a
 * fit without a maximum) the answer is the pooled counts with the
 * exact Clopper-Pearson interval ({@link PoolingMethod#EXACT_BINOMIAL}) and a note saying why.
 */
final class GlmmPooling {

    private GlmmPooling() {
    }

    static PooledEstimate pool(List<EventCount> cohorts, PoolingSettings settings) {
        int k = cohorts.size();
        int events = cohorts.stream().mapToInt(EventCount::events).sum();
        int total = cohorts.stream().mapToInt(EventCount::total).sum();
        if (k == 1) {
            return exact(cohorts, settings, "A single cohort: its own proportion with the exact (Clopper-Pearson) "
                    + "interval; pooling needs at least two.");
        }
        if (events == 0 || events == total) {
            return exact(cohorts, settings, (events == 0 ? "No patient in any cohort had the outcome"
                    : "Every patient in every cohort had the outcome") + ", so the logistic model has no finite "
                    + "estimate: the pooled counts with the exact (Clopper-Pearson) interval.");
        }
        boolean random = settings.model() == PoolingModel.RANDOM;
        if (random && sameProportion(cohorts)) {
            return exact(cohorts, settings, "Every cohort has the same proportion, so there is no variation between "
                    + "cohorts to model (lme4's glmer refuses a constant response): the pooled counts with the exact "
                    + "(Clopper-Pearson) interval.");
        }
        BinomialRows rows = BinomialRows.of(cohorts, BinomialRows.intercept(k));
        LogisticRegression.Fit common = LogisticRegression.fit(rows);
        double mu = common.beta()[0];
        double variance = common.vcov()[0][0];
        double tau2 = 0;
        if (random) {
            BinomialNormalModel.Fit fit = BinomialNormalModel.fit(rows, common.beta());
            if (!fit.estimable()) {
                return exact(cohorts, settings, "The random-effects logistic model has no maximum likelihood "
                        + "estimate for these cohorts (τ² grows without bound): the pooled counts with the exact "
                        + "(Clopper-Pearson) interval.");
            }
            mu = fit.beta()[0];
            variance = fit.vcov()[0][0];
            tau2 = fit.tau2();
        }
        double se = Math.sqrt(variance);
        double level = settings.level();
        double crit = settings.ciMethod() == CiMethod.T ? Critical.t(level, k - 1) : Critical.normal(level);
        double piHalfWidth = crit * Math.sqrt(variance + tau2);

        double[] yi = new double[k];
        double[] vi = new double[k];
        for (int i = 0; i < k; i++) {
            Transform.EffectSize es = Transform.LOGIT.effectSize(cohorts.get(i));
            yi[i] = es.yi();
            vi[i] = es.vi();
        }
        // rma.glmm's I² and H²: tau² against the typical within-cohort variance of the escalc logits.
        double typical = (k - 1) / new InverseVariance(yi, vi, 0).traceP();
        int df = k - 1;
        double wald = waldHeterogeneity(rows);
        double lrt = Math.max(0, -2 * (common.logLik() - LogisticRegression.saturatedLogLik(rows)));
        ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(df);
        // rma.glmm reports no weights: each cohort's share under inverse variance with the model's tau².
        InverseVariance weights = new InverseVariance(yi, vi, tau2);
        List<CohortEstimate> estimates = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            estimates.add(cohortEstimate(cohorts.get(i), settings, yi[i], vi[i],
                    100 * weights.w[i] / weights.sumW));
        }
        return new PooledEstimate(k, events, total, Logit.inverse(mu), Logit.inverse(mu - crit * se),
                Logit.inverse(mu + crit * se), Logit.inverse(mu - piHalfWidth), Logit.inverse(mu + piHalfWidth),
                mu, se, tau2, wald, chi2.survivalProbability(wald), lrt, chi2.survivalProbability(lrt),
                100 * tau2 / (typical + tau2), tau2 / typical + 1, estimates, settings, PoolingMethod.GLMM, null);
    }

    /**
     * rma.glmm's Wald-type test of the saturated model (one logit per cohort) against the model: the weighted
     * residual sum of squares of the cohorts' observed logits regressed on the design, with weights n p (1 - p). A
     * cohort at 0 or all events has an infinite logit of infinite variance and takes no part (glm's estimate of its
     * variance runs to about 1e10, which makes its share vanish).
     */
    static double waldHeterogeneity(BinomialRows rows) {
        int p = rows.columns();
        DMatrixRMaj xtwx = new DMatrixRMaj(p, p);
        DMatrixRMaj xtwy = new DMatrixRMaj(p, 1);
        double ywy = 0;
        for (int i = 0; i < rows.size; i++) {
            int x = rows.events[i];
            int n = rows.totals[i];
            if (x == 0 || x == n) {
                continue;
            }
            double w = rows.multiplicity[i] * x * (double) (n - x) / n;
            double y = Math.log((double) x / (n - x));
            for (int a = 0; a < p; a++) {
                xtwy.add(a, 0, rows.x[i][a] * w * y);
                for (int b = 0; b < p; b++) {
                    xtwx.add(a, b, rows.x[i][a] * w * rows.x[i][b]);
                }
            }
            ywy += w * y * y;
        }
        DMatrixRMaj pinv = new DMatrixRMaj(p, p);
        CommonOps_DDRM.pinv(xtwx, pinv); // a factor level whose cohorts all sit at 0 or all events has no weight
        DMatrixRMaj beta = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.mult(pinv, xtwy, beta);
        double fitted = 0;
        for (int a = 0; a < p; a++) {
            fitted += beta.get(a) * xtwy.get(a);
        }
        double residual = ywy - fitted;
        // With no more informative cohorts than coefficients the residual is 0, up to rounding.
        return residual <= 1e-12 * ywy ? 0 : residual;
    }

    private static boolean sameProportion(List<EventCount> cohorts) {
        EventCount first = cohorts.get(0);
        return cohorts.stream().allMatch(c -> (long) c.events() * first.total() == (long) first.events() * c.total());
    }

    private static PooledEstimate exact(List<EventCount> cohorts, PoolingSettings settings, String note) {
        int events = cohorts.stream().mapToInt(EventCount::events).sum();
        int total = cohorts.stream().mapToInt(EventCount::total).sum();
        Interval interval = ProportionInterval.CLOPPER_PEARSON.of(new EventCount(events, total), settings.level());
        List<CohortEstimate> estimates = new ArrayList<>(cohorts.size());
        for (EventCount cohort : cohorts) {
            Transform.EffectSize es = Transform.LOGIT.effectSize(cohort);
            // The pooled proportion is the mean of the cohorts' proportions weighted by their patients.
            estimates.add(cohortEstimate(cohort, settings, es.yi(), es.vi(), 100.0 * cohort.total() / total));
        }
        return new PooledEstimate(cohorts.size(), events, total, (double) events / total, interval.lower(),
                interval.upper(), null, null, Double.NaN, Double.NaN, null, null, null, null, null, null, null,
                estimates, settings, PoolingMethod.EXACT_BINOMIAL, note);
    }

    private static CohortEstimate cohortEstimate(EventCount cohort, PoolingSettings settings, double yi, double vi,
            double weight) {
        Interval own = settings.cohortInterval().of(cohort, settings.level());
        return new CohortEstimate(cohort.events(), cohort.total(), cohort.proportion(), own.lower(), own.upper(),
                yi, vi, weight);
    }
}
