package org.cartevidence.evidence;

import java.util.Locale;
import java.util.Map;
import org.cartevidence.api.Labels;
import org.cartevidence.stats.PoolingSettings;

/**
 * The cumulative meta-analysis as a plot (the forest plot's layout): per group one row per step, naming the cohort
 * the step added, with the pooled estimate so far as a diamond on its interval and k; how the estimate settled as
 * the evidence accrued reads from top to bottom. A step of one cohort, or one the GLMM cannot fit, is the exact
 * interval of the pooled counts (the JSON's notes say so).
 */
final class CumulativePlot {

    private CumulativePlot() {
    }

    static String svg(SequentialResult result, PoolingSettings settings, GroupBy grouping,
            Map<Long, String> studyNames) {
        String title = Labels.of(result.measure()) + ": cumulative meta-analysis"
                + (grouping == GroupBy.NONE ? "" : " by " + grouping.label.toLowerCase(Locale.ROOT));
        if (result.groups().isEmpty()) {
            return ForestPlot.nothingToPlot(title);
        }
        int heading = grouping == GroupBy.NONE ? 0 : 1;
        double rows = result.groups().stream().mapToDouble(g -> heading + g.steps().size() + 1.5).sum();
        double axisY = ForestPlot.TABLE_TOP + (rows - 0.5) * ForestPlot.ROW + 8;
        Svg svg = ForestPlot.frame(title, axisY, "Study added",
                "Pooled so far [" + ForestPlot.percent(result.level()) + " % CI]", "k");
        double y = ForestPlot.TABLE_TOP + ForestPlot.ROW / 2;
        for (SequentialResult.Group group : result.groups()) {
            if (grouping != GroupBy.NONE) {
                svg.text("text", grouping.label + ": " + group.label(), "class", "group", "x", ForestPlot.STUDY_X,
                        "y", y + 4);
                y += ForestPlot.ROW;
            }
            for (SequentialResult.Step step : group.steps()) {
                row(svg, step, studyNames.get(step.studyId()), y);
                y += ForestPlot.ROW;
            }
            svg.text("text", Labels.of(result.measure()) + ". " + ForestPlot.methodInWords(settings)
                    + ". Each row pools the cohorts up to it.", "class", "caption", "x", ForestPlot.STUDY_X, "y", y + 4);
            y += ForestPlot.ROW * 1.5;
        }
        ForestPlot.axis(svg, axisY, result.measure());
        return svg.finish();
    }

    private static void row(Svg svg, SequentialResult.Step step, String study, double y) {
        double half = ForestPlot.DIAMOND_HALF_HEIGHT - 2;
        String diamond = String.join(" ", ForestPlot.point(ForestPlot.x(step.ciLower()), y),
                ForestPlot.point(ForestPlot.x(step.estimate()), y - half), ForestPlot.point(ForestPlot.x(step.ciUpper()), y),
                ForestPlot.point(ForestPlot.x(step.estimate()), y + half));
        svg.open("g", "class", "step", "data-cohort-id", step.cohortId())
                .text("title", step.studyTitle() + " (" + step.studyKey() + "), " + step.cohortLabel())
                .text("text", ForestPlot.fit(study, ForestPlot.STUDY_CHARS), "x", ForestPlot.STUDY_X, "y", y + 4)
                .text("text", ForestPlot.fit(step.cohortLabel(), ForestPlot.COHORT_CHARS), "x", ForestPlot.COHORT_X,
                        "y", y + 4)
                .text("text", step.events() + "/" + step.total(), "class", "end", "x", ForestPlot.COUNT_END, "y", y + 4)
                .empty("line", "class", "ci", "x1", ForestPlot.x(step.ciLower()), "y1", y, "x2",
                        ForestPlot.x(step.ciUpper()), "y2", y)
                .empty("polygon", "class", "diamond", "points", diamond)
                .text("text", ForestPlot.estimate(step.estimate(), step.ciLower(), step.ciUpper()), "x",
                        ForestPlot.ESTIMATE_X, "y", y + 4)
                .text("text", String.valueOf(step.k()), "class", "end", "x", ForestPlot.WEIGHT_END, "y", y + 4)
                .close();
    }
}
