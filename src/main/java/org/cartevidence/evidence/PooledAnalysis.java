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
import org.cartevidence.stats.PoolingSettings;
import org.cartevidence.stats.SequentialAnalysis;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Groups the matching cohorts and pools each group with the stats package. */
@ApplicationScoped
public class PooledAnalysis {

    @Inject
    PooledRows rows;

    /**
     * The most cohorts an answer lists (or a plot draws): beyond it the lists would run to hundreds of megabytes
     * (about 380 bytes of JSON a cohort); the pooled numbers alone (cohorts=false) have no such limit.
     */
    @ConfigProperty(name = "cartevidence.pooled.max-listed-cohorts", defaultValue = "20000")
    long maxListed;

    /**
     * The most cohorts a cumulative or leave-one-out analysis takes: it pools a group once per cohort, so its work
     * grows with the square of the cohorts (bench/ measures it).
     */
    @ConfigProperty(name = "cartevidence.sequential.max-cohorts", defaultValue = "500")
    long maxSequential;

    public PooledResult pooled(PooledQuery query) {
        return analyse(query, query.cohorts).result();
    }

    public String forestPlot(PooledQuery query) {
        Analysis analysis = analyse(query, true);
        return ForestPlot.svg(analysis.result(), analysis.settings(), analysis.grouping(),
                studyNames(analysis.cohorts().listed()));
    }

    /** Each group's cohorts, refitted as they accrue or with each left out in turn. */
    public SequentialResult sequential(GroupedQuery query, SequentialResult.Kind kind) {
        return sequentialAnalysis(query, kind).result();
    }

    public String cumulativePlot(GroupedQuery query) {
        Sequential sequential = sequentialAnalysis(query, SequentialResult.Kind.CUMULATIVE);
        return CumulativePlot.svg(sequential.result(), query.settings(), query.grouping(), sequential.studyNames());
    }

    private record Sequential(SequentialResult result, Map<Long, String> studyNames) {
    }

    private Sequential sequentialAnalysis(GroupedQuery query, SequentialResult.Kind kind) {
        PoolingSettings settings = query.settings();
        GroupBy grouping = query.grouping();
        long k = rows.cohorts(query);
        if (k > maxSequential) {
            throw new ApiException(400, "bad-request", "Bad request", "this question pools " + k + " cohorts; a "
                    + kind.parameterValue + " analysis refits them once per cohort and takes at most " + maxSequential
                    + ": narrow the filters", List.of());
        }
        Cohorts cohorts = collect(query, grouping, true);
        List<SequentialResult.Group> groups = cohorts.counts().entrySet().stream().map(group -> {
            List<PooledRow> listed = cohorts.listed().get(group.getKey());
            String label = cohorts.labels().get(group.getKey());
            if (kind == SequentialResult.Kind.LEAVE_ONE_OUT && listed.size() < 2) {
                return new SequentialResult.Group(group.getKey(), label, "A single cohort: leaving it out leaves "
                        + "nothing to pool.", List.of());
            }
            List<PooledEstimate> steps = kind == SequentialResult.Kind.CUMULATIVE
                    ? SequentialAnalysis.cumulative(group.getValue(), settings)
                    : SequentialAnalysis.leaveOneOut(group.getValue(), settings);
            return new SequentialResult.Group(group.getKey(), label, null, IntStream.range(0, steps.size())
                    .mapToObj(i -> SequentialResult.Step.of(listed.get(i), steps.get(i))).toList());
        }).toList();
        EchoedOptions options = EchoedOptions.of(settings);
        return new Sequential(new SequentialResult(kind.parameterValue, query.measure, grouping.parameterValue,
                options.method(), options.model(), options.tau2Estimator(), options.transform(), options.ci(),
                settings.level(), query.includeSuperseded, query.timepointMonths, groups),
                studyNames(cohorts.listed()));
    }

    private static Map<Long, String> studyNames(Map<String, List<PooledRow>> listed) {
        return listed.values().stream().flatMap(List::stream)
                .collect(Collectors.toMap(PooledRow::studyId, PooledRow::studyName, (a, b) -> a));
    }

    /**
     * The matching cohorts per group: their counts, their rows when listed, and each group's label. Without
     * details only each cohort's two counts are kept (about 28 bytes with the list's reference), not a row with its
     * strings.
     */
    private record Cohorts(Map<String, List<EventCount>> counts, Map<String, List<PooledRow>> listed,
                           Map<String, String> labels) {
    }

    private Cohorts collect(GroupedQuery query, GroupBy grouping, boolean details) {
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
        return new Cohorts(counts, listed, labels);
    }

    private record Analysis(PoolingSettings settings, GroupBy grouping, Cohorts cohorts, PooledResult result) {
    }

    /** {@code details}: the answer lists the cohorts (with titles and citations, in plot order). */
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
        Cohorts cohorts = collect(query, grouping, details);
        List<PooledResult.Group> pooled = cohorts.counts().entrySet().stream()
                .map(group -> pool(group.getKey(), cohorts.labels().get(group.getKey()), group.getValue(),
                        cohorts.listed().get(group.getKey()), settings))
                .toList();
        EchoedOptions options = EchoedOptions.of(settings);
        return new Analysis(settings, grouping, cohorts, new PooledResult(query.measure, grouping.parameterValue,
                options.method(), options.model(), options.tau2Estimator(), options.transform(), options.ci(),
                settings.level(), PooledQuery.COHORT_CI.nameOf(settings.cohortInterval()), query.includeSuperseded,
                query.timepointMonths, pooled, SubgroupDifferences.of(cohorts.counts(), settings)));
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
