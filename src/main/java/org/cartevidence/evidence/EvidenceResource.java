package org.cartevidence.evidence;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.cartevidence.api.AnswerCache;
import org.cartevidence.api.Csv;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import java.util.Map;
import org.cartevidence.study.StudyFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "Aggregates over the stored evidence.")
public class EvidenceResource {

    private static final String POOLED_DESCRIPTION = "A meta-analysis of single proportions per group: the pooled "
            + "proportion with its confidence and prediction interval, τ², I², H², the heterogeneity tests, k, the "
            + "events and patients, and each cohort's own proportion, interval and weight. By default the "
            + "binomial-normal GLMM (random-intercept logistic model by maximum likelihood), which agrees with R's "
            + "metafor rma.glmm to 1e-4 on the proportion scale and needs no continuity correction for cohorts at 0 or "
            + "all events; where it cannot be estimated a group answers the pooled counts with the exact interval and "
            + "says why. method=inverse-variance pools transformed proportions as metafor's rma does (to 1e-6), with "
            + "REML and Hartung-Knapp by default. Each cohort contributes one outcome of the measure: the one at "
            + "timepointMonths if given, else its latest. Cohorts superseded by a later report of the same patients "
            + "are left out unless includeSuperseded=true, so that no patient counts twice. JSON by default; text/csv "
            + "by Accept or format=csv gives one row per group.";
    private static final MediaType CSV = MediaType.valueOf(PooledCsv.MEDIA_TYPE);
    private static final QueryOption<MediaType> FORMAT = new QueryOption<>("format",
            Map.of("json", MediaType.APPLICATION_JSON_TYPE, "csv", CSV));
    private static final List<Variant> POOLED_VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, CSV)
            .build();

    @Inject
    SummaryQueries summaries;

    @Inject
    PooledAnalysis analysis;

    @Inject
    RegressionAnalysis regressions;

    @Inject
    AnswerCache cache;

    @GET
    @Path("summary")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "getEvidenceSummary", summary = "Count the evidence",
            description = "Studies, cohorts and patients in total and by disease, CAR target, cell source, phase, "
                    + "country and publication year, for the studies that pass the study filters (those the study "
                    + "list finds with them) and, with disease, only their cohorts of it: the studies and cohorts "
                    + "getPooledEstimates draws on with the same filters. Cohorts superseded by a later report of the "
                    + "same patients are left out unless includeSuperseded=true; a study counts once per value however "
                    + "many cohorts it has. Each breakdown lists its values in ascending order, 'unknown' (not "
                    + "recorded) last.")
    @APIResponse(responseCode = "200", description = "The counts.")
    public EvidenceSummary summary(@Valid @BeanParam StudyFilter studies, @QueryParam("includeSuperseded")
            @Parameter(description = "Also count cohorts that a later report supersedes.") boolean includeSuperseded,
            @Context UriInfo uri) {
        return cache.get(uri, () -> summaries.summary(studies, includeSuperseded));
    }

    @GET
    @Path("pooled")
    @Produces({MediaType.APPLICATION_JSON, PooledCsv.MEDIA_TYPE})
    @Operation(operationId = "getPooledEstimates", summary = "Pool the cohorts' proportions",
            description = POOLED_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The pooled estimates per group.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PooledResult.class),
                    examples = @ExampleObject(name = "sle",
                            summary = "Remission in SLE and lupus nephritis, reports up to 2024",
                            value = Examples.POOLED_JSON)),
            @Content(mediaType = PooledCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "sle",
                            summary = "Remission in SLE and lupus nephritis by cell source",
                            value = Examples.POOLED_CSV))})
    public Response pooled(@Valid @BeanParam PooledQuery query,
            @QueryParam("format") @Parameter(description = "csv or json; wins over the Accept header.",
                    example = "csv", schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"}))
            String format,
            @Context Request request, @Context UriInfo uri) {
        MediaType type = FORMAT.parse(format, request.selectVariant(POOLED_VARIANTS).getMediaType());
        query.settings(); // bad options are refused here, before the cache
        query.grouping();
        PooledResult result = cache.get(uri, () -> analysis.pooled(query));
        return Response.ok(CSV.equals(type) ? PooledCsv.write(result) : result, type).build();
    }

    @GET
    @Path("forest.svg")
    @Produces(Svg.MEDIA_TYPE)
    @Operation(operationId = "getForestPlot", summary = "Draw the forest plot",
            description = "The pooled estimates of getPooledEstimates, with the same parameters, as a forest plot in "
                    + "SVG: per group one row per cohort (study, cohort, events/N, its proportion and interval as a "
                    + "square sized by weight on its line, and as text), the pooled diamond with the prediction "
                    + "interval through it (random effects), and a caption naming the method in words, k, I², τ² and "
                    + "the heterogeneity tests; a group of one cohort is drawn as that cohort. One axis from 0 to 1. "
                    + "Without matching cohorts, an SVG that says there is nothing to plot.")
    @APIResponse(responseCode = "200", description = "The forest plot.", content = @Content(
            mediaType = Svg.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "uc", summary = "Remission in ulcerative colitis: a single cohort",
                    value = Examples.FOREST_SVG)))
    public String forestPlot(@Valid @BeanParam PooledQuery query) {
        return analysis.forestPlot(query);
    }

    @GET
    @Path("cumulative")
    @Produces({MediaType.APPLICATION_JSON, PooledCsv.MEDIA_TYPE})
    @Operation(operationId = "getCumulativeAnalysis", summary = "Pool the cohorts as they accrued",
            description = "A cumulative meta-analysis per group, as metafor's cumul(): the cohorts in order of "
                    + "publication year, then study key and cohort label, and at each step the pooled estimate of the "
                    + "cohorts so far, with the same methods and parameters as getPooledEstimates (a step of one "
                    + "cohort, or one the GLMM cannot fit, answers the exact interval and says so). It refits once per "
                    + "cohort, so it takes at most 500 cohorts (400 beyond). JSON by default; text/csv by Accept or "
                    + "format=csv gives one row per step.")
    @APIResponseSchema(value = SequentialResult.class, responseDescription = "The steps per group.")
    public Response cumulative(@Valid @BeanParam GroupedQuery query, @Context Request request,
            @Context UriInfo uri) {
        return sequential(query, SequentialResult.Kind.CUMULATIVE, request, uri);
    }

    @GET
    @Path("leave-one-out")
    @Produces({MediaType.APPLICATION_JSON, PooledCsv.MEDIA_TYPE})
    @Operation(operationId = "getLeaveOneOutAnalysis", summary = "Pool the cohorts leaving each out in turn",
            description = "A leave-one-out analysis per group, as metafor's leave1out(): for each cohort, in the "
                    + "order of getCumulativeAnalysis, the pooled estimate of all the others, with the same methods "
                    + "and parameters as getPooledEstimates. Shows how much one cohort moves the answer. A group of a "
                    + "single cohort has no steps and a note. At most 500 cohorts (400 beyond). JSON by default; "
                    + "text/csv by Accept or format=csv gives one row per step.")
    @APIResponseSchema(value = SequentialResult.class, responseDescription = "The steps per group.")
    public Response leaveOneOut(@Valid @BeanParam GroupedQuery query, @Context Request request,
            @Context UriInfo uri) {
        return sequential(query, SequentialResult.Kind.LEAVE_ONE_OUT, request, uri);
    }

    /** format=csv reaches here as an Accept header ({@link org.cartevidence.api.FormatParameter}). */
    private Response sequential(GroupedQuery query, SequentialResult.Kind kind, Request request, UriInfo uri) {
        MediaType type = request.selectVariant(POOLED_VARIANTS).getMediaType();
        query.settings(); // bad options are refused here, before the cache
        query.grouping();
        SequentialResult result = cache.get(uri, () -> analysis.sequential(query, kind));
        return Response.ok(CSV.equals(type) ? SequentialCsv.write(result) : result, type).build();
    }

    @GET
    @Path("cumulative.svg")
    @Produces(Svg.MEDIA_TYPE)
    @Operation(operationId = "getCumulativePlot", summary = "Draw the cumulative meta-analysis",
            description = "getCumulativeAnalysis, with the same parameters, as a plot in SVG: per group one row per "
                    + "step naming the cohort it added, the pooled estimate so far as a diamond on its interval, and "
                    + "k; a caption names the method in words. Without matching cohorts, an SVG that says there is "
                    + "nothing to plot.")
    @APIResponse(responseCode = "200", description = "The cumulative plot.", content = @Content(
            mediaType = Svg.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public String cumulativePlot(@Valid @BeanParam GroupedQuery query) {
        return analysis.cumulativePlot(query);
    }

    @GET
    @Path("regression")
    @Operation(operationId = "getMetaRegression", summary = "Regress the cohorts' proportions on moderators",
            description = "A meta-regression: the cohorts' proportions (log odds for the GLMM, the transform's scale "
                    + "for inverse variance) on the moderators, as metafor's rma.glmm(mods = ...) or rma(mods = ...): "
                    + "each coefficient with its test and interval, the omnibus test of the moderators (QM), the test "
                    + "of residual heterogeneity, τ², I² and R². The study filters, method, model, tau2, ci, level, "
                    + "timepointMonths and includeSuperseded work as for getPooledEstimates. A design the cohorts cannot "
                    + "estimate (collinear moderators, a level without cohorts, fewer cohorts than coefficients + 1, "
                    + "or a level whose cohorts all had the outcome under the GLMM) is a 422 naming the moderator.")
    @APIResponse(responseCode = "200", description = "The fitted meta-regression.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegressionResult.class)))
    @APIResponse(responseCode = "422", ref = "#/components/responses/UnprocessableContent")
    public RegressionResult regression(@Valid @BeanParam RegressionQuery query, @Context UriInfo uri) {
        query.settings(); // bad options are refused here, before the cache
        query.moderatorList();
        return cache.get(uri, () -> regressions.regression(query));
    }
}
