package org.cartevidence.evidence;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.cartevidence.api.ApiException;
import org.cartevidence.cohort.Disease;
import org.cartevidence.outcome.Measure;
import org.cartevidence.stats.CiMethod;
import org.cartevidence.stats.PoolingModel;
import org.cartevidence.stats.PoolingSettings;
import org.cartevidence.stats.ProportionInterval;
import org.cartevidence.stats.Tau2Estimator;
import org.cartevidence.stats.Transform;
import org.cartevidence.study.CellSource;
import org.cartevidence.study.GeneEditing;
import org.cartevidence.study.Phase;
import org.cartevidence.study.SourceType;
import org.cartevidence.study.StudyCriteria;
import org.cartevidence.study.StudyInput;
import org.cartevidence.study.StudyStatus;
import org.cartevidence.study.Target;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The parameters of the pooled estimates and of the forest plot: which outcome, how to pool it, and which cohorts.
 * A repeated filter matches any of its values. Defaults are {@link PoolingSettings.INVERSE_VARIANCE_DEFAULTS}.
 */
public class PooledQuery {

    static final QueryOption<PoolingModel> MODEL = new QueryOption<>("model",
            Map.of("random", PoolingModel.RANDOM, "fixed", PoolingModel.FIXED));
    static final QueryOption<Tau2Estimator> TAU2 = new QueryOption<>("tau2",
            Map.of("DL", Tau2Estimator.DL, "REML", Tau2Estimator.REML, "PM", Tau2Estimator.PM));
    static final QueryOption<Transform> TRANSFORM = new QueryOption<>("transform",
            Map.of("logit", Transform.LOGIT, "arcsine", Transform.ARCSINE, "raw", Transform.RAW));
    static final QueryOption<CiMethod> CI = new QueryOption<>("ci",
            Map.of("wald", CiMethod.WALD, "hartung-knapp", CiMethod.HARTUNG_KNAPP));
    static final QueryOption<ProportionInterval> COHORT_CI = new QueryOption<>("cohortCi",
            Map.of("wilson", ProportionInterval.WILSON, "exact", ProportionInterval.CLOPPER_PEARSON));

    @QueryParam("measure")
    @NotNull(message = "is required")
    @Parameter(required = true, description = "The outcome whose proportions are pooled.", example = "REMISSION")
    public Measure measure;

    @QueryParam("groupBy")
    @Parameter(description = "Pool separately per value of this field; a study that does not record it goes to the "
            + "group 'unknown'. With none, all matching cohorts form one group named 'all'.", example = "disease",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "none", enumeration = {"none", "disease",
                    "target", "cellSource", "geneEditing", "phase", "sourceType"}))
    public String groupBy;

    @QueryParam("model")
    @Parameter(description = "Random effects or fixed (common) effect, inverse-variance pooling.", example = "random",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "random", enumeration = {"random", "fixed"}))
    public String model;

    @QueryParam("tau2")
    @Parameter(description = "Estimator of the between-cohort variance τ² (random effects only): "
            + "DerSimonian-Laird, restricted maximum likelihood or Paule-Mandel.", example = "REML",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "REML", enumeration = {"DL", "REML", "PM"}))
    public String tau2;

    @QueryParam("transform")
    @Parameter(description = "Scale the proportions are pooled on: logit, Freeman-Tukey double arcsine, or raw "
            + "proportions. Results are back-transformed to proportions.", example = "logit",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "logit",
                    enumeration = {"logit", "arcsine", "raw"}))
    public String transform;

    @QueryParam("ci")
    @Parameter(description = "Interval of the pooled estimate: Wald (normal) or Hartung-Knapp (t with k - 1 df). "
            + "Default hartung-knapp for random effects and wald for the fixed model, which refuses hartung-knapp.",
            example = "hartung-knapp", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"wald", "hartung-knapp"}))
    public String ci;

    @QueryParam("level")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(value = "1", inclusive = false)
    @Parameter(description = "Confidence level of every interval, strictly between 0 and 1.", example = "0.95",
            schema = @Schema(type = SchemaType.NUMBER, defaultValue = "0.95"))
    public Double level;

    @QueryParam("cohortCi")
    @Parameter(description = "Interval shown for each cohort's own proportion: Wilson score or exact "
            + "(Clopper-Pearson).", example = "wilson", schema = @Schema(type = SchemaType.STRING,
                    defaultValue = "wilson", enumeration = {"wilson", "exact"}))
    public String cohortCi;

    @QueryParam("timepointMonths")
    @DecimalMin("0")
    @Parameter(description = "Only outcomes measured at exactly this many months. Without it, each cohort's latest "
            + "outcome of the measure (an outcome without a time point counts as the earliest).", example = "3")
    public Double timepointMonths;

    @QueryParam("cohorts")
    @DefaultValue("true")
    @Parameter(description = "List each group's pooled cohorts (default; refused with 400 beyond 20,000 cohorts). "
            + "false leaves the lists out: the pooled numbers only, a small answer however many cohorts were pooled.",
            example = "false")
    public boolean cohorts;

    @QueryParam("includeSuperseded")
    @Parameter(description = "Also pool cohorts that a later report of the same patients supersedes (counts those "
            + "patients twice).", example = "false")
    public boolean includeSuperseded;

    @QueryParam("disease")
    @Parameter(description = "Cohorts of this disease.", example = "[\"SLE\"]")
    public List<Disease> disease;

    @QueryParam("target")
    @Parameter(description = "CAR target.", example = "[\"CD19\"]")
    public List<Target> target;

    @QueryParam("cellSource")
    @Parameter(description = "Autologous or allogeneic cells.", example = "[\"AUTOLOGOUS\"]")
    public List<CellSource> cellSource;

    @QueryParam("geneEditing")
    @Parameter(description = "Gene editing of the cells.", example = "[\"NONE\"]")
    public List<GeneEditing> geneEditing;

    @QueryParam("phase")
    @Parameter(description = "Trial phase or kind of report.", example = "[\"PHASE_1\"]")
    public List<Phase> phase;

    @QueryParam("sourceType")
    @Parameter(description = "Kind of source; PEER_REVIEWED gives a stricter pool.", example = "[\"PEER_REVIEWED\"]")
    public List<SourceType> sourceType;

    @QueryParam("status")
    @Parameter(description = "Study status.", example = "[\"PUBLISHED\"]")
    public List<StudyStatus> status;

    @QueryParam("country")
    @Parameter(description = "A country the study ran in (case-insensitive, exact name).", example = "[\"Germany\"]")
    public List<@Size(max = 100) String> country;

    @QueryParam("yearFrom")
    @Min(StudyInput.YEAR_MIN)
    @Max(StudyInput.YEAR_MAX)
    @Parameter(description = "Publication year at least this.", example = "2022")
    public Integer yearFrom;

    @QueryParam("yearTo")
    @Min(StudyInput.YEAR_MIN)
    @Max(StudyInput.YEAR_MAX)
    @Parameter(description = "Publication year at most this.", example = "2025")
    public Integer yearTo;

    /** The pooling options, or a 400 naming the first bad one. */
    PoolingSettings settings() {
        PoolingSettings defaults = PoolingSettings.INVERSE_VARIANCE_DEFAULTS;
        PoolingModel pooling = MODEL.parse(model, defaults.model());
        boolean fixed = pooling == PoolingModel.FIXED;
        CiMethod interval = CI.parse(ci, fixed ? CiMethod.WALD : defaults.ciMethod());
        if (fixed && interval == CiMethod.HARTUNG_KNAPP) {
            throw ApiException.badParameter("ci", "hartung-knapp needs model=random; use wald with model=fixed");
        }
        return new PoolingSettings(TRANSFORM.parse(transform, defaults.transform()), pooling,
                TAU2.parse(tau2, defaults.tau2Estimator()), interval,
                COHORT_CI.parse(cohortCi, defaults.cohortInterval()), level == null ? defaults.level() : level);
    }

    GroupBy grouping() {
        return GroupBy.OPTION.parse(groupBy, GroupBy.NONE);
    }

    /** The filters on the pooled cohorts' studies. */
    StudyCriteria studyCriteria() {
        return new StudyCriteria(phase, status, target, cellSource, geneEditing, sourceType, country, yearFrom, yearTo);
    }
}
