package org.cartevidence.stats;

import java.util.List;

/**
 * Result of a meta-regression, agreeing with metafor's {@code rma(yi, vi, mods = X, method, test)}.
 *
 * @param k            number of cohorts
 * @param p            number of coefficients, the intercept included
 * @param coefficients one per design column, in the design's order
 * @param qm           omnibus test of the moderators: the Wald statistic of every coefficient but the intercept (of
 *                     the intercept alone when the design has nothing else); divided by its df and read as F when
 *                     {@code tTest}. NaN where its covariance is singular, as where Hartung-Knapp's scale is 0
 *                     (metafor: NA)
 * @param qmDf         its numerator df, the number of coefficients tested
 * @param qmDf2        its denominator df k - p when QM is an F statistic, else null
 * @param qmPValue     its p-value against chi-squared or F; NaN with a NaN QM
 * @param qe           test of residual heterogeneity: the residual sum of squares weighted by 1 / vi
 * @param qeDf         its df, k - p
 * @param qePValue     its p-value against chi-squared on k - p df
 * @param qeLrt        GLMM only (else null): the likelihood-ratio test of the same hypothesis, the saturated
 *                     logistic model against the common-effect model with these moderators (rma.glmm's QE.LRT);
 *                     {@code qe} is then the Wald-type test (QE.Wld)
 * @param qeLrtPValue  its p-value against chi-squared on k - p df
 * @param tau2         residual between-cohort variance (0 for the fixed-effect model)
 * @param i2           residual I² in percent, as metafor gives it for the model: from tau² and the typical sampling
 *                     variance (k - p) / tr(P) for random effects, max(0, 100 (QE - df) / QE) for fixed effect
 * @param h2           residual H²: tau² / typical variance + 1, or QE / df for fixed effect
 * @param r2           percentage of heterogeneity accounted for by the moderators, null without moderators and for
 *                     the GLMM (rma.glmm reports none). Random
 *                     effects: max(0, 100 (tau²₀ - tau²) / tau²₀) with tau²₀ of the model without moderators by the
 *                     same estimator (0 where tau²₀ = 0); fixed effect: metafor's adjusted R² of the weighted least
 *                     squares fit, in percent, truncated at 0 (0 where every effect size is equal)
 * @param tTest        whether coefficients are tested against t and QM against F ({@link CiMethod#HARTUNG_KNAPP},
 *                     {@link CiMethod#ADHOC}, {@link CiMethod#T}) rather than against the normal and chi-squared
 */
public record RegressionFit(int k, int p, List<Coefficient> coefficients,
                            double qm, int qmDf, Integer qmDf2, double qmPValue,
                            double qe, int qeDf, double qePValue, Double qeLrt, Double qeLrtPValue,
                            double tau2, double i2, double h2, Double r2, boolean tTest) {

    public RegressionFit {
        coefficients = List.copyOf(coefficients);
    }
}
