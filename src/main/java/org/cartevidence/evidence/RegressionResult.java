package org.cartevidence.evidence;

import jakarta.annotation.Nullable;
import java.util.List;
import org.cartevidence.outcome.Measure;
import org.cartevidence.stats.Coefficient;
import org.cartevidence.stats.RegressionFit;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A meta-regression of the cohorts' proportions on moderators, with the options that produced it echoed back. */
@Schema(name = "MetaRegression")
public record RegressionResult(
        @Schema(examples = "REMISSION") Measure measure,
        @Schema(type = SchemaType.ARRAY, implementation = String.class,
                examples = "[\"cellSource\", \"publicationYear\"]", enumeration = {"disease", "target",
                    "cellSource", "geneEditing", "phase", "sourceType", "publicationYear", "enrolled"})
        List<String> moderators,
        @Schema(examples = "glmm", enumeration = {"glmm", "inverse-variance"}) String method,
        @Schema(examples = "random", enumeration = {"random", "fixed"}) String model,
        @Schema(description = "τ² estimator: ML for the GLMM; absent for the fixed model.", examples = "ML",
                enumeration = {"ML", "DL", "REML", "PM"}) @Nullable String tau2Estimator,
        @Schema(description = "The scale of the coefficients: the logit for the GLMM.", examples = "logit",
                enumeration = {"logit", "arcsine", "raw"}) String transform,
        @Schema(examples = "wald", enumeration = {"wald", "t", "hartung-knapp", "adhoc"}) String ci,
        @Schema(examples = "0.95") double level,
        @Schema(examples = "false") boolean includeSuperseded,
        @Schema(description = "The time point asked for; absent when each cohort's latest outcome was used.")
        @Nullable Double timepointMonths,
        @Schema(description = "Cohorts in the model.", examples = "17") int k,
        @Schema(description = "Cohorts left out for want of a numeric moderator (a study without a publication "
                + "year).", examples = "0") int leftOut,
        @Schema(description = "The intercept, then one per factor level other than the reference, then one per "
                + "numeric moderator; on the transformed scale (log odds for the GLMM).")
        List<CoefficientResult> coefficients,
        @Schema(description = "Omnibus test of the moderators: chi-squared on qmDf, or F on qmDf and qmDf2.",
                examples = "2.41") @Nullable Double qm,
        @Schema(examples = "2") int qmDf,
        @Schema(description = "Denominator degrees of freedom when qm is an F statistic.", examples = "14")
        @Nullable Integer qmDf2,
        @Schema(examples = "0.30") @Nullable Double qmP,
        @Schema(description = "Test of residual heterogeneity: Cochran's QE for inverse variance, the Wald-type test "
                + "for the GLMM.", examples = "18.2") double qe,
        @Schema(examples = "14") int qeDf,
        @Schema(examples = "0.20") double qeP,
        @Schema(description = "GLMM only: the likelihood-ratio test of residual heterogeneity.", examples = "21.0")
        @Nullable Double qeLrt,
        @Schema(examples = "0.10") @Nullable Double qeLrtP,
        @Schema(description = "Residual between-cohort variance.", examples = "0.84") double tau2,
        @Schema(description = "Residual I² in percent.", examples = "38.5") double i2,
        @Schema(description = "Share of the heterogeneity the moderators account for, in percent (inverse variance; "
                + "the GLMM gives none).", examples = "12.0") @Nullable Double r2) {

    /** One coefficient with its test and interval. */
    @Schema(name = "RegressionCoefficient")
    public record CoefficientResult(
            @Schema(description = "intercept, 'moderator=LEVEL' for a factor level, or the numeric moderator.",
                    examples = "cellSource=ALLOGENEIC") String name,
            @Schema(description = "The level as a reader names it, for a factor level.",
                    examples = "Donor cells (allogeneic)") @Nullable String label,
            @Schema(examples = "0.85") double estimate,
            @Schema(examples = "0.62") double se,
            @Schema(description = "Wald z statistic (ci=wald, method glmm or inverse-variance); absent for t tests, "
                    + "and where the standard error is 0.", examples = "1.37") @Nullable Double z,
            @Schema(description = "t statistic on k - p degrees of freedom (ci=t, hartung-knapp, adhoc); absent for "
                    + "Wald tests, and where the standard error is 0 (Hartung-Knapp's scale 0).")
            @Nullable Double t,
            @Schema(examples = "0.17") double p,
            @Schema(examples = "-0.37") double ciLower,
            @Schema(examples = "2.07") double ciUpper) {

        static CoefficientResult of(Coefficient c, String label, boolean tTest) {
            return new CoefficientResult(c.name(), label, c.estimate(), c.se(), tTest ? null : finite(c.statistic()),
                    tTest ? finite(c.statistic()) : null, c.pValue(), c.ciLower(), c.ciUpper());
        }
    }

    /**
     * NaN (metafor's NA, where Hartung-Knapp's scale is 0) reads as absent, and so does the infinite statistic of a
     * zero standard error (the same case): JSON has no number for either.
     */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static List<CoefficientResult> coefficients(RegressionFit fit, java.util.function.Function<String, String> label) {
        return fit.coefficients().stream().map(c -> CoefficientResult.of(c, label.apply(c.name()), fit.tTest()))
                .toList();
    }
}
