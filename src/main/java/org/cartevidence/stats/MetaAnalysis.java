package org.cartevidence.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Meta-analysis of single proportions: by the inverse-variance method, agreeing with R's metafor 3.8
 * ({@code escalc}, {@code rma.uni}, {@code predict.rma}, {@code weights}) to 1e-6, or by a GLMM
 * ({@link GlmmPooling}).
 */
public final class MetaAnalysis {

    /** metafor treats a weighted residual sum of squares at or below .Machine$double.eps as exactly 0. */
    private static final double ZERO_RESIDUAL = Math.ulp(1.0);

    /** The note of a Hartung-Knapp result that took the ad hoc correction. */
    static final String ZERO_WIDTH_NOTE = "The cohorts agree exactly, which gives Hartung-Knapp's interval zero"
            + " width; the ad hoc correction (never narrower than Wald) was used.";

    private MetaAnalysis() {
    }

    /**
     * Pools one group of cohorts.
     *
     * @param cohorts  at least one cohort; results keep this order
     * @param settings how to pool, see {@link PoolingSettings#DEFAULTS}
     * @throws IllegalArgumentException if {@code cohorts} is empty
     */
    public static PooledEstimate pool(List<EventCount> cohorts, PoolingSettings settings) {
        Objects.requireNonNull(settings, "settings");
        int k = cohorts.size();
        if (k == 0) {
            throw new IllegalArgumentException("cannot pool an empty group of cohorts");
        }
        if (settings.method() == PoolingMethod.GLMM) {
            return GlmmPooling.pool(cohorts, settings);
        }
        double level = settings.level();
        double[] y = new double[k];
        double[] v = new double[k];
        int events = 0;
        int total = 0;
        double sumInverseTotals = 0;
        for (int i = 0; i < k; i++) {
            EventCount cohort = cohorts.get(i);
            Transform.EffectSize es = settings.transform().effectSize(cohort);
            y[i] = es.yi();
            v[i] = es.vi();
            events += cohort.events();
            total += cohort.total();
            sumInverseTotals += 1.0 / cohort.total();
        }

        boolean random = settings.model() == PoolingModel.RANDOM;
        // A single cohort says nothing about between-cohort variance (metafor: tau² = 0).
        double tau2 = random && k > 1 ? settings.tau2Estimator().estimate(y, v) : 0;
        InverseVariance pooled = new InverseVariance(y, v, tau2);

        CiMethod ciMethod = settings.ciMethod();
        String note = null;
        double scale = 1;
        double crit;
        if (ciMethod == CiMethod.WALD || k == 1) {
            // Also the fallback of the t-based methods for k = 1, where t would have 0 df.
            crit = Critical.normal(level);
        } else {
            crit = Critical.t(level, k - 1);
            if (ciMethod == CiMethod.HARTUNG_KNAPP || ciMethod == CiMethod.ADHOC) {
                // Weighted residual mean square, with metafor's threshold for an exact 0.
                double residualMeanSquare = pooled.q <= ZERO_RESIDUAL ? 0 : pooled.q / (k - 1);
                // Cohorts that agree exactly leave knha a zero-width interval, which would read as certainty.
                boolean zeroWidth = ciMethod == CiMethod.HARTUNG_KNAPP && residualMeanSquare == 0;
                if (zeroWidth) {
                    note = ZERO_WIDTH_NOTE;
                }
                scale = ciMethod == CiMethod.ADHOC || zeroWidth ? Math.max(1, residualMeanSquare) : residualMeanSquare;
            }
        }
        double se = Math.sqrt(scale / pooled.sumW);
        double ciHalfWidth = crit * se;
        double piHalfWidth = crit * Math.sqrt(se * se + tau2);

        Heterogeneity het = heterogeneity(y, v, tau2, random);

        List<CohortEstimate> cohortEstimates = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            EventCount cohort = cohorts.get(i);
            Interval own = settings.cohortInterval().of(cohort, level);
            cohortEstimates.add(new CohortEstimate(cohort.events(), cohort.total(), cohort.proportion(),
                    own.lower(), own.upper(), y[i], v[i], 100 * pooled.w[i] / pooled.sumW));
        }

        // The double arcsine is inverted at the harmonic mean cohort size (metafor's transf.ipft.hm).
        double harmonicMeanTotal = k / sumInverseTotals;
        Transform transform = settings.transform();
        double mu = pooled.mu;
        return new PooledEstimate(k, events, total,
                transform.toProportion(mu, harmonicMeanTotal),
                transform.toProportion(mu - ciHalfWidth, harmonicMeanTotal),
                transform.toProportion(mu + ciHalfWidth, harmonicMeanTotal),
                transform.toProportion(mu - piHalfWidth, harmonicMeanTotal),
                transform.toProportion(mu + piHalfWidth, harmonicMeanTotal),
                mu, se, tau2, het.q, het.pValue, null, null, het.i2, het.h2, cohortEstimates, settings,
                PoolingMethod.INVERSE_VARIANCE, note);
    }

    private record Heterogeneity(double q, double pValue, double i2, double h2) {
    }

    /** Q with fixed-effect weights whatever the model; I² and H² in the form metafor prints for the model. */
    private static Heterogeneity heterogeneity(double[] y, double[] v, double tau2, boolean random) {
        int df = y.length - 1;
        if (df == 0) {
            return new Heterogeneity(0, 1, 0, 1);
        }
        InverseVariance fixed = new InverseVariance(y, v, 0);
        double q = fixed.q;
        double pValue = ChiSquaredDistribution.of(df).survivalProbability(q);
        if (random) {
            // Typical within-cohort variance s² = (k - 1) / trace(P) (Higgins & Thompson).
            double s2 = df / fixed.traceP();
            return new Heterogeneity(q, pValue, 100 * tau2 / (s2 + tau2), tau2 / s2 + 1);
        }
        // Q = 0 (identical cohorts) gives -infinity here, hence 0 %.
        return new Heterogeneity(q, pValue, Math.max(0, 100 * (q - df) / q), q / df);
    }
}
