package org.cartevidence.evidence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import java.util.Map;
import org.cartevidence.api.ApiException;
import org.cartevidence.outcome.Measure;
import org.cartevidence.stats.CiMethod;
import org.cartevidence.stats.PoolingMethod;
import org.cartevidence.stats.PoolingModel;
import org.cartevidence.stats.PoolingSettings;
import org.cartevidence.stats.ProportionInterval;
import org.cartevidence.stats.Tau2Estimator;
import org.cartevidence.stats.Transform;
import org.cartevidence.study.StudyFilter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The parameters every evidence analysis shares: which outcome, how to pool it, and which cohorts (the study
 * filters, the time point, superseded reports). Defaults are {@link PoolingSettings#DEFAULTS} (GLMM), and
 * {@link PoolingSettings#INVERSE_VARIANCE_DEFAULTS} with method=inverse-variance.
 */
public class EvidenceQuery {

    static final QueryOption<PoolingModel> MODEL = new QueryOption<>("model",
            Map.of("random", PoolingModel.RANDOM, "fixed", PoolingModel.FIXED));
    static final QueryOption<Tau2Estimator> TAU2 = new QueryOption<>("tau2",
            Map.of("DL", Tau2Estimator.DL, "REML", Tau2Estimator.REML, "PM", Tau2Estimator.PM));
    static final QueryOption<Transform> TRANSFORM = new QueryOption<>("transform",
            Map.of("logit", Transform.LOGIT, "arcsine", Transform.ARCSINE, "raw", Transform.RAW));
    static final QueryOption<CiMethod> CI = new QueryOption<>("ci", Map.of("wald", CiMethod.WALD,
            "hartung-knapp", CiMethod.HARTUNG_KNAPP, "adhoc", CiMethod.ADHOC, "t", CiMethod.T));
    static final QueryOption<PoolingMethod> METHOD = new QueryOption<>("method",
            Map.of("glmm", PoolingMethod.GLMM, "inverse-variance", PoolingMethod.INVERSE_VARIANCE));
    /** The names of every method a group can report, including the GLMM's fallback. */
    static final QueryOption<PoolingMethod> METHOD_USED = new QueryOption<>("method", Map.of("glmm",
            PoolingMethod.GLMM, "inverse-variance", PoolingMethod.INVERSE_VARIANCE,
            "exact-binomial", PoolingMethod.EXACT_BINOMIAL));

    @QueryParam("measure")
    @NotNull(message = "is required")
    @Parameter(required = true, description = "The outcome whose proportions are pooled.", example = "REMISSION")
    public Measure measure;

    @QueryParam("method")
    @Parameter(description = "glmm (default): the binomial-normal (random-intercept logistic) model by maximum "
            + "likelihood, as R's metafor rma.glmm with 7-point adaptive Gauss-Hermite quadrature; it uses each "
            + "cohort's exact binomial likelihood, which suits small cohorts at 0 or all events. Where it cannot be "
            + "estimated (one cohort; all cohorts at 0 or at all events; all at the same proportion) a group answers "
            + "the pooled counts with the exact Clopper-Pearson interval (method exact-binomial) and a note. "
            + "inverse-variance: transformed proportions pooled with weights 1/(vi + τ²), as rma.", example = "glmm",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "glmm",
                    enumeration = {"glmm", "inverse-variance"}))
    public String method;

    @QueryParam("model")
    @Parameter(description = "Random effects or fixed (common) effect.", example = "random",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "random", enumeration = {"random", "fixed"}))
    public String model;

    @QueryParam("tau2")
    @Parameter(description = "Estimator of the between-cohort variance τ² for method=inverse-variance with random "
            + "effects: DerSimonian-Laird, restricted maximum likelihood or Paule-Mandel. The GLMM estimates τ² by "
            + "maximum likelihood and refuses this parameter.", example = "REML",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "REML", enumeration = {"DL", "REML", "PM"}))
    public String tau2;

    @QueryParam("transform")
    @Parameter(description = "Scale the proportions are pooled on by inverse variance: logit, Freeman-Tukey double "
            + "arcsine, or raw proportions. Results are back-transformed to proportions. The GLMM models the logit "
            + "and refuses the others.", example = "logit",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "logit",
                    enumeration = {"logit", "arcsine", "raw"}))
    public String transform;

    @QueryParam("ci")
    @Parameter(description = "Interval of the pooled estimate (and the prediction interval): wald (normal quantile), "
            + "t (t quantile with k - 1 df), hartung-knapp (t with the rescaled variance of Knapp and Hartung), or "
            + "adhoc (Hartung-Knapp never narrower than Wald). hartung-knapp and adhoc rescale an inverse-variance "
            + "random-effects variance: the GLMM and the fixed model refuse them. Default wald, but hartung-knapp for "
            + "method=inverse-variance with random effects. Where the cohorts agree exactly, Hartung-Knapp's interval "
            + "would have zero width: the ad hoc correction is used and the group's note says so.",
            example = "wald", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"wald", "t", "hartung-knapp", "adhoc"}))
    public String ci;

    @QueryParam("level")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(value = "1", inclusive = false)
    @Parameter(description = "Confidence level of every interval, strictly between 0 and 1.", example = "0.95",
            schema = @Schema(type = SchemaType.NUMBER, defaultValue = "0.95"))
    public Double level;

    @QueryParam("timepointMonths")
    @DecimalMin("0")
    @Parameter(description = "Only outcomes measured at exactly this many months. Without it, each cohort's latest "
            + "outcome of the measure (an outcome without a time point counts as the earliest).", example = "3")
    public Double timepointMonths;

    @QueryParam("includeSuperseded")
    @Parameter(description = "Also pool cohorts that a later report of the same patients supersedes (counts those "
            + "patients twice).", example = "false")
    public boolean includeSuperseded;

    /** Which studies, and with a disease which of their cohorts. */
    @BeanParam
    @Valid
    public StudyFilter studies;

    /** The pooling options, or a 400 naming the first bad one. */
    PoolingSettings settings() {
        PoolingMethod pooling = METHOD.parse(method, PoolingMethod.GLMM);
        boolean glmm = pooling == PoolingMethod.GLMM;
        PoolingSettings defaults = glmm ? PoolingSettings.DEFAULTS : PoolingSettings.INVERSE_VARIANCE_DEFAULTS;
        PoolingModel effects = MODEL.parse(model, defaults.model());
        boolean fixed = effects == PoolingModel.FIXED;
        Transform scale = TRANSFORM.parse(transform, defaults.transform());
        Tau2Estimator estimator = TAU2.parse(tau2, defaults.tau2Estimator());
        CiMethod interval = CI.parse(ci, fixed ? CiMethod.WALD : defaults.ciMethod());
        boolean rescaled = interval == CiMethod.HARTUNG_KNAPP || interval == CiMethod.ADHOC;
        if (glmm && tau2 != null) {
            throw ApiException.badParameter("tau2", "the GLMM estimates τ² by maximum likelihood; tau2 chooses an "
                    + "estimator for method=inverse-variance");
        }
        if (glmm && scale != Transform.LOGIT) {
            throw ApiException.badParameter("transform", "the GLMM models the logit; " + TRANSFORM.nameOf(scale)
                    + " is for method=inverse-variance");
        }
        if (glmm && rescaled) {
            throw ApiException.badParameter("ci", CI.nameOf(interval) + " rescales an inverse-variance variance; "
                    + "use wald or t with method=glmm, or method=inverse-variance");
        }
        if (fixed && rescaled) {
            throw ApiException.badParameter("ci", CI.nameOf(interval) + " needs model=random; use wald or t with "
                    + "model=fixed");
        }
        return new PoolingSettings(scale, effects, estimator, interval,
                cohortInterval(defaults.cohortInterval()), level == null ? defaults.level() : level,
                pooling);
    }

    /** The interval shown for each cohort's own proportion; answers that show none take the default. */
    ProportionInterval cohortInterval(ProportionInterval fallback) {
        return fallback;
    }
}
