package org.cartevidence.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cartevidence.api.ApiException;
import org.cartevidence.stats.EventCount;
import org.cartevidence.stats.MetaAnalysis;
import org.cartevidence.stats.PooledEstimate;
import org.cartevidence.stats.PoolingMethod;
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
        return analyse(query, query.cohorts).result();
    }

    public String forestPlot(PooledQuery query) {
        Analysis analysis = analyse(query, true);
        Map<Long, String> studyNames = analysis.listed().values().stream().flatMap(List::stream)
                .collect(Collectors.toMap(PooledRow::studyId, PooledRow::studyName, (a, b) -> a));
        return ForestPlot.svg(analysis.result(), analysis.settings(), analysis.grouping(), studyNames);
    }

    /** {@code listed}: each group's cohorts, when the answer lists them. */
    private record Analysis(PoolingSettings settings, GroupBy grouping, Map<String, List<PooledRow>> listed,
                            PooledResult result) {
    }

    /**
     * {@code details}: the answer lists the cohorts (with titles and citations, in plot order). Without, only each
     * cohort's two counts are kept (about 28 bytes with the list's reference), not a row with its strings.
     */
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
        Map<String, List<EventCount>> counts = new TreeMap<>();
        Map<String, List<PooledRow>> listed = new TreeMap<>();
        Map<String, String> labels = new TreeMap<>();
        rows.forEachCohort(query, details, row -> {
            String group = grouping.groupOf(row);
            labels.computeIfAbsent(group, g -> grouping.labelOf(row));
            counts.computeIfAbsent(group, g -> new ArrayList<>()).add(new EventCount(row.events(), row.total()));
            if (details) {
                listed.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
            }
        });
        List<PooledResult.Group> pooled = counts.entrySet().stream()
                .map(group -> pool(group.getKey(), labels.get(group.getKey()), group.getValue(),
                        listed.get(group.getKey()), settings))
                .toList();
        boolean random = settings.model() == PoolingModel.RANDOM;
        boolean glmm = settings.method() == PoolingMethod.GLMM;
        return new Analysis(settings, grouping, listed, new PooledResult(query.measure, grouping.parameterValue,
                PooledQuery.METHOD.nameOf(settings.method()), PooledQuery.MODEL.nameOf(settings.model()),
                !random ? null : glmm ? "ML" : PooledQuery.TAU2.nameOf(settings.tau2Estimator()),
                PooledQuery.TRANSFORM.nameOf(settings.transform()), PooledQuery.CI.nameOf(settings.ciMethod()),
                settings.level(), PooledQuery.COHORT_CI.nameOf(settings.cohortInterval()), query.includeSuperseded,
                query.timepointMonths, pooled));
    }

    /** The stats package keeps the input order, so cohort i of the estimate is row i of {@code listed} (or null). */
    private static PooledResult.Group pool(String group, String label, List<EventCount> counts,
            List<PooledRow> listed, PoolingSettings settings) {
        PooledEstimate estimate = MetaAnalysis.pool(counts, settings);
        return PooledResult.Group.of(group, label, estimate, listed == null ? null : IntStream.range(0, listed.size())
                .mapToObj(i -> PooledResult.CohortResult.of(listed.get(i), estimate.cohorts().get(i)))
                .toList());
    }
}
