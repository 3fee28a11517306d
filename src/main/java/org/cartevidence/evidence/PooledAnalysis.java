package org.cartevidence.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cartevidence.api.ApiException;
import org.cartevidence.stats.EventCount;
import org.cartevidence.stats.MetaAnalysis;
import org.cartevidence.stats.PooledEstimate;
import org.cartevidence.stats.PoolingModel;
import org.cartevidence.stats.PoolingSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Groups the matching cohorts and pools each group with the stats package. */
@ApplicationScoped
public class PooledAnalysis {

    @Inject
    PooledRows rows;

    /**
     * The most cohorts an answer lists (or a plot draws). Beyond it the lists would run to hundreds of megabytes
     * (at 100,000 studies one question pools about 350,000 cohorts: 131 MB of JSON); the pooled numbers alone
     * (cohorts=false) have no such limit.
     */
    @ConfigProperty(name = "cartevidence.pooled.max-listed-cohorts", defaultValue = "20000")
    long maxListed;

    public PooledResult pooled(PooledQuery query) {
        PooledResult result = analyse(query, query.cohorts).result();
        return query.cohorts ? result : result.withoutCohorts();
    }

    public String forestPlot(PooledQuery query) {
        Analysis analysis = analyse(query, true);
        Map<Long, String> studyNames = analysis.rows().stream()
                .collect(Collectors.toMap(PooledRow::studyId, PooledRow::studyName, (a, b) -> a));
        return ForestPlot.svg(analysis.result(), analysis.settings(), analysis.grouping(), studyNames);
    }

    private record Analysis(PoolingSettings settings, GroupBy grouping, List<PooledRow> rows, PooledResult result) {
    }

    /** {@code details}: the rows carry what the cohort lists and the plot show (titles, citations), in plot order. */
    private Analysis analyse(PooledQuery query, boolean details) {
        PoolingSettings settings = query.settings(); // bad options are refused before the database is asked
        GroupBy grouping = query.grouping();
        if (details) {
            long k = rows.cohorts(query);
            if (k > maxListed) {
                throw ApiException.badParameter("cohorts", "this question pools " + k + " cohorts; listing (or "
                        + "plotting) more than " + maxListed + " is refused: ask with cohorts=false for the pooled "
                        + "numbers alone, or narrow the filters");
            }
        }
        List<PooledRow> found = rows.find(query, details);
        Map<String, List<PooledRow>> groups = found.stream()
                .collect(Collectors.groupingBy(grouping::groupOf, TreeMap::new, Collectors.toList()));
        List<PooledResult.Group> pooled = groups.entrySet().stream()
                .map(group -> pool(group.getKey(), group.getValue(), settings))
                .toList();
        boolean random = settings.model() == PoolingModel.RANDOM;
        return new Analysis(settings, grouping, found, new PooledResult(query.measure, grouping.parameterValue,
                PooledQuery.MODEL.nameOf(settings.model()),
                random ? PooledQuery.TAU2.nameOf(settings.tau2Estimator()) : null,
                PooledQuery.TRANSFORM.nameOf(settings.transform()), PooledQuery.CI.nameOf(settings.ciMethod()),
                settings.level(), PooledQuery.COHORT_CI.nameOf(settings.cohortInterval()), query.includeSuperseded,
                query.timepointMonths, pooled));
    }

    /** The stats package keeps the input order, so cohort i of the estimate is row i. */
    private static PooledResult.Group pool(String group, List<PooledRow> rows, PoolingSettings settings) {
        PooledEstimate estimate = MetaAnalysis.pool(
                rows.stream().map(row -> new EventCount(row.events(), row.total())).toList(), settings);
        return PooledResult.Group.of(group, estimate, IntStream.range(0, rows.size())
                .mapToObj(i -> PooledResult.CohortResult.of(rows.get(i), estimate.cohorts().get(i)))
                .toList());
    }
}
