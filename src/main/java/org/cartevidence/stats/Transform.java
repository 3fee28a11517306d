package org.cartevidence.stats;

/**
 * Scale on which proportions are pooled, with metafor's {@code escalc} effect sizes and the matching
 * back-transformation to a proportion.
 */
public enum Transform {

    /** Log odds, metafor measure "PLO"; back-transformed with the inverse logit. */
    LOGIT {
        @Override
        public EffectSize effectSize(EventCount cohort) {
            double add = continuityCorrection(cohort);
            double x = cohort.events() + add;
            double nonEvents = cohort.total() - cohort.events() + add;
            return new EffectSize(Math.log(x / nonEvents), 1 / x + 1 / nonEvents);
        }

        @Override
        double toProportion(double y, double harmonicMeanTotal) {
            return 1 / (1 + Math.exp(-y));
        }
    },

    /**
     * Freeman-Tukey double arcsine, metafor measure "PFT" (no continuity correction); back-transformed with
     * metafor's {@code transf.ipft.hm}, which needs the harmonic mean of the cohort sizes.
     */
    ARCSINE {
        @Override
        public EffectSize effectSize(EventCount cohort) {
            return new EffectSize(doubleArcsine(cohort.events(), cohort.total()), 1 / (4.0 * cohort.total() + 2));
        }

        @Override
        double toProportion(double y, double n) {
            // Outside the range the forward transform reaches at this n, the inversion formula folds back
            // on itself; metafor pins those values to 0 and 1.
            if (y <= doubleArcsine(0, n)) {
                return 0;
            }
            if (y >= doubleArcsine(n, n)) {
                return 1;
            }
            double s = Math.sin(2 * y);
            double root = 1 - Math.pow(s + (s - 1 / s) / n, 2); // may round below 0 at the ends
            return 0.5 * (1 - Math.signum(Math.cos(2 * y)) * Math.sqrt(Math.max(0, root)));
        }
    },

    /** Untransformed proportion, metafor measure "PR"; identity back-transform, no clamping to [0, 1]. */
    RAW {
        @Override
        public EffectSize effectSize(EventCount cohort) {
            double add = continuityCorrection(cohort);
            double n = cohort.total() + 2 * add;
            double p = (cohort.events() + add) / n;
            return new EffectSize(p, p * (1 - p) / n);
        }

        @Override
        double toProportion(double y, double harmonicMeanTotal) {
            return y;
        }
    };

    /** A cohort's effect size on this scale and its sampling variance. */
    public record EffectSize(double yi, double vi) {
    }

    /** The cohort's effect size, exactly as metafor's {@code escalc} with its defaults computes it. */
    public abstract EffectSize effectSize(EventCount cohort);

    /**
     * Maps a value on this scale back to a proportion.
     *
     * @param harmonicMeanTotal harmonic mean of the pooled cohorts' sizes; only {@link #ARCSINE} uses it
     */
    abstract double toProportion(double y, double harmonicMeanTotal);

    /** escalc's {@code add = 1/2, to = "only0"}: 1/2 to events and non-events only if either is zero. */
    private static double continuityCorrection(EventCount cohort) {
        return cohort.events() == 0 || cohort.events() == cohort.total() ? 0.5 : 0;
    }

    /** metafor's {@code transf.pft}: the double arcsine of x events in n, also for a non-integer n. */
    private static double doubleArcsine(double x, double n) {
        return 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
    }
}
