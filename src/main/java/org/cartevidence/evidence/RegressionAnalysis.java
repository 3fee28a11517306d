package org.cartevidence.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cartevidence.api.ApiException;
import org.cartevidence.stats.Design;
import org.cartevidence.stats.EventCount;
import org.cartevidence.stats.GlmmRegression;
import org.cartevidence.stats.MetaRegression;
import org.cartevidence.stats.PoolingMethod;
import org.cartevidence.stats.PoolingSettings;
import org.cartevidence.stats.RegressionFit;
import org.cartevidence.stats.UnidentifiableModelException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the design of a meta-regression from the matching cohorts and fits it with the stats package. */
@ApplicationScoped
public class RegressionAnalysis {

    @Inject
    PooledRows rows;

    /** The most cohorts a meta-regression takes: it holds each cohort's fields while it builds the design. */
    @ConfigProperty(name = "cartevidence.regression.max-cohorts", defaultValue = "20000")
    long maxCohorts;

    public RegressionResult regression(RegressionQuery query) {
        PoolingSettings settings = query.settings(); // bad options are refused before the database is asked
        List<Moderator> moderators = query.moderatorList();
        long matching = rows.cohorts(query);
        if (matching > maxCohorts) {
            throw new ApiException(400, "bad-request", "Bad request", "this question takes " + matching + " cohorts; "
                    + "a meta-regression takes at most " + maxCohorts + ": narrow the filters", List.of());
        }
        List<PooledRow> kept = new ArrayList<>();
        int[] leftOut = {0};
        rows.forEachCohort(query, false, row -> {
            boolean complete = moderators.stream().allMatch(m -> m.factor != null || m.value.apply(row) != null);
            if (complete) {
                kept.add(row);
            } else {
                leftOut[0]++;
            }
        });
        int k = kept.size();
        if (k == 0) {
            throw ApiException.invalid("moderators", "no cohort matches these filters with every moderator recorded");
        }
        Map<String, String> labels = new HashMap<>();
        Design.Builder design = Design.builder(k);
        for (Moderator moderator : moderators) {
            if (moderator.factor == null) {
                design.numeric(moderator.parameterValue, kept.stream().mapToDouble(r -> moderator.value.apply(r))
                        .toArray());
                continue;
            }
            GroupBy field = moderator.factor;
            List<String> values = kept.stream().map(field::groupOf).toList();
            List<String> levels = levels(kept, field);
            if (levels.size() < 2) {
                throw ApiException.invalid("moderators", moderator.parameterValue + " cannot be estimated: every "
                        + "matching cohort has the same value (" + levels.get(0) + ")");
            }
            kept.forEach(r -> labels.putIfAbsent(moderator.parameterValue + "=" + field.groupOf(r), field.labelOf(r)));
            design.factor(moderator.parameterValue, values, levels);
        }
        RegressionFit fit;
        try {
            fit = fit(kept, design.build(), settings);
        } catch (UnidentifiableModelException e) {
            throw ApiException.invalid("moderators", moderatorOf(e.column(), moderators) + " cannot be estimated ("
                    + e.column() + "): " + e.getMessage());
        } catch (ArithmeticException e) {
            throw ApiException.invalid("moderators", "the model cannot be estimated: " + e.getMessage());
        }
        EchoedOptions options = EchoedOptions.of(settings);
        return new RegressionResult(query.measure, moderators.stream().map(m -> m.parameterValue).toList(),
                options.method(), options.model(), options.tau2Estimator(), options.transform(), options.ci(),
                settings.level(), query.includeSuperseded, query.timepointMonths, k, leftOut[0],
                RegressionResult.coefficients(fit, labels::get), RegressionResult.finite(fit.qm()), fit.qmDf(),
                fit.qmDf2(), RegressionResult.finite(fit.qmPValue()), fit.qe(), fit.qeDf(), fit.qePValue(),
                fit.qeLrt(), fit.qeLrtPValue(), fit.tau2(), fit.i2(), fit.r2());
    }

    private static RegressionFit fit(List<PooledRow> cohorts, Design design, PoolingSettings settings) {
        List<EventCount> counts = cohorts.stream().map(r -> new EventCount(r.events(), r.total())).toList();
        if (settings.method() == PoolingMethod.GLMM) {
            return GlmmRegression.fit(counts, design, settings.model(), settings.ciMethod(), settings.level());
        }
        return MetaRegression.fit(counts, settings.transform(), design, settings.model(), settings.tau2Estimator(),
                settings.ciMethod(), settings.level());
    }

    /**
     * A factor's levels, the reference first: the most frequent value, ties going to the first in the enum's order;
     * then the others in the enum's order, 'unknown' (not recorded) last.
     */
    static List<String> levels(List<PooledRow> cohorts, GroupBy field) {
        Map<String, Long> counts = cohorts.stream().collect(Collectors.groupingBy(field::groupOf,
                Collectors.counting()));
        Map<String, Integer> order = new HashMap<>();
        cohorts.forEach(r -> {
            Enum<?> value = field.value(r);
            order.putIfAbsent(field.groupOf(r), value == null ? Integer.MAX_VALUE : value.ordinal());
        });
        Comparator<String> enumOrder = Comparator.comparing(order::get);
        String reference = counts.keySet().stream()
                .min(Comparator.<String, Long>comparing(counts::get).reversed().thenComparing(enumOrder)).orElseThrow();
        List<String> levels = new ArrayList<>(List.of(reference));
        counts.keySet().stream().filter(l -> !l.equals(reference)).sorted(enumOrder).forEach(levels::add);
        return levels;
    }

    /** The moderator a refused design column belongs to ("cellSource=ALLOGENEIC": cellSource). */
    private static String moderatorOf(String column, List<Moderator> moderators) {
        String name = column.contains("=") ? column.substring(0, column.indexOf('=')) : column;
        return moderators.stream().map(m -> m.parameterValue).filter(name::equals).findFirst()
                .orElse(moderators.get(moderators.size() - 1).parameterValue);
    }
}
