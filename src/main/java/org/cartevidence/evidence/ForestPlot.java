package org.cartevidence.evidence;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.cartevidence.outcome.Measure;
import org.cartevidence.api.Labels;
import org.cartevidence.stats.PoolingMethod;
import org.cartevidence.stats.PoolingModel;
import org.cartevidence.stats.PoolingSettings;

/**
 * The pooled estimates as a forest plot a clinician can read, in standalone SVG without script: per group one row
 * per cohort (study, cohort, n/N, square sized by weight on its interval, the numbers as text), the pooled diamond
 * with the prediction interval through it, and a caption naming the method; one 0–1 axis below all groups.
 */
final class ForestPlot {

    // Layout in px: text columns, the plot area from 0 to 1, then the estimate and weight columns.
    static final double WIDTH = 1100;
    static final double ROW = 22;
    static final double STUDY_X = 16;
    static final double COHORT_X = 284;
    static final double COUNT_END = 540;
    static final double PLOT_LEFT = 570;
    static final double PLOT_RIGHT = 870;
    static final double ESTIMATE_X = 892;
    static final double WEIGHT_END = 1084;
    static final int STUDY_CHARS = 36;
    static final int COHORT_CHARS = 28;
    private static final double SQUARE_MAX = 14;
    private static final double SQUARE_MIN = 4;
    static final double DIAMOND_HALF_HEIGHT = 7;
    static final double[] TICKS = {0, 0.25, 0.5, 0.75, 1};
    static final double TABLE_TOP = 76;

    /** The plot's style sheet; also part of the contract's example plot ({@link Examples#FOREST_SVG}). */
    static final String CSS = """
            text { font: 13px Helvetica, Arial, sans-serif; fill: #1a1a1a; }
            .title { font-size: 16px; font-weight: bold; }
            .head, .group, .pooled text { font-weight: bold; }
            .end { text-anchor: end; }
            .middle { text-anchor: middle; }
            .note { fill: #555; }
            .caption { fill: #333; font-size: 12px; font-style: italic; }
            .ci, .pi, .axis { stroke: #1a1a1a; stroke-width: 1.2; }
            .square { fill: #2c5f8e; }
            .diamond { fill: #1a1a1a; }
            .grid { stroke: #e3e3e3; }
            .rule { stroke: #999; }
            """;

    private ForestPlot() {
    }

    static String svg(PooledResult result, PoolingSettings settings, GroupBy grouping, Map<Long, String> studyNames) {
        boolean random = settings.model() == PoolingModel.RANDOM;
        String title = Labels.of(result.measure()) + ": pooled proportion"
                + (grouping == GroupBy.NONE ? "" : " by " + grouping.label.toLowerCase(Locale.ROOT));
        if (result.groups().isEmpty()) {
            return nothingToPlot(title);
        }

        int heading = grouping == GroupBy.NONE ? 0 : 1;
        double rows = result.groups().stream().mapToDouble(g -> heading + g.k() + extraRows(g, random)).sum()
                + (result.subgroupDifferences() == null ? 0 : 1);
        double axisY = TABLE_TOP + (rows - 0.5) * ROW + 8; // no space after the last group
        Svg svg = frame(title, axisY, "Study", "Proportion [" + percent(result.level()) + " % CI]", "Weight");

        double maxWeight = result.groups().stream().flatMap(g -> g.cohorts().stream())
                .mapToDouble(PooledResult.CohortResult::weight).max().orElse(100);
        double y = TABLE_TOP + ROW / 2;
        for (PooledResult.Group group : result.groups()) {
            if (grouping != GroupBy.NONE) {
                svg.text("text", grouping.label + ": " + group.label(), "class", "group", "x", STUDY_X, "y", y + 4);
                y += ROW;
            }
            for (PooledResult.CohortResult cohort : group.cohorts()) {
                cohortRow(svg, cohort, studyNames.get(cohort.studyId()), maxWeight, y);
                y += ROW;
            }
            if (group.k() == 1) { // a single cohort is shown as itself, not as a pooled estimate of one
                svg.text("text", "A single cohort: not pooled.", "class", "caption", "x", STUDY_X, "y", y + 4);
                y += ROW * 1.5;
                continue;
            }
            pooledRow(svg, group, y);
            y += ROW;
            if (random && group.piLower() != null) {
                svg.text("text", "Prediction interval", "class", "note", "x", STUDY_X, "y", y + 4)
                        .text("text", interval(group.piLower(), group.piUpper()), "class", "note", "x", ESTIMATE_X,
                                "y", y + 4);
                y += ROW;
            }
            svg.text("text", caption(result, settings, group), "class", "caption", "x", STUDY_X, "y", y + 4);
            y += ROW;
            if (group.note() != null) {
                svg.text("text", group.note(), "class", "caption", "x", STUDY_X, "y", y + 4);
                y += ROW;
            }
            y += ROW / 2;
        }
        if (result.subgroupDifferences() != null) {
            svg.text("text", subgroupCaption(result.subgroupDifferences(), grouping), "class", "group subgroups",
                    "x", STUDY_X, "y", y + 4);
        }
        axis(svg, axisY, result.measure());
        return svg.finish();
    }

    private static void cohortRow(Svg svg, PooledResult.CohortResult cohort, String studyName, double maxWeight,
            double y) {
        double side = Math.max(SQUARE_MIN, SQUARE_MAX * Math.sqrt(cohort.weight() / maxWeight)); // area ~ weight
        svg.open("g", "class", "cohort", "data-cohort-id", cohort.cohortId())
                .text("title", cohort.studyTitle() + " (" + cohort.studyKey() + "), " + cohort.label())
                .text("text", fit(studyName, STUDY_CHARS), "x", STUDY_X, "y", y + 4)
                .text("text", fit(cohort.label(), COHORT_CHARS), "x", COHORT_X, "y", y + 4)
                .text("text", cohort.events() + "/" + cohort.total(), "class", "end", "x", COUNT_END, "y", y + 4)
                .empty("line", "class", "ci", "x1", x(cohort.ciLower()), "y1", y, "x2", x(cohort.ciUpper()), "y2", y)
                .empty("rect", "class", "square", "x", x(cohort.proportion()) - side / 2, "y", y - side / 2,
                        "width", side, "height", side)
                .text("text", estimate(cohort.proportion(), cohort.ciLower(), cohort.ciUpper()), "x", ESTIMATE_X,
                        "y", y + 4)
                .text("text", String.format(Locale.ROOT, "%.1f %%", cohort.weight()), "class", "end",
                        "x", WEIGHT_END, "y", y + 4)
                .close();
    }

    /** A plot that says no cohort matches. */
    static String nothingToPlot(String title) {
        return new Svg(WIDTH, 110, title, CSS)
                .text("text", title, "class", "title", "x", STUDY_X, "y", 30.0)
                .text("text", "Nothing to plot: no cohort matches these filters.", "class", "note empty",
                        "x", STUDY_X, "y", 70.0)
                .finish();
    }

    /**
     * A plot's title, column heads (study, cohort, events/N, the estimate, the last column) and the vertical grid
     * from the table's top down to the axis at {@code axisY}.
     */
    static Svg frame(String title, double axisY, String studyHead, String estimateHead, String lastHead) {
        Svg svg = new Svg(WIDTH, axisY + 56, title, CSS);
        svg.text("text", title, "class", "title", "x", STUDY_X, "y", 30.0);
        double headY = 58;
        svg.open("g", "class", "head")
                .text("text", studyHead, "x", STUDY_X, "y", headY)
                .text("text", "Cohort", "x", COHORT_X, "y", headY)
                .text("text", "Events/N", "class", "end", "x", COUNT_END, "y", headY)
                .text("text", estimateHead, "x", ESTIMATE_X, "y", headY)
                .text("text", lastHead, "class", "end", "x", WEIGHT_END, "y", headY)
                .close();
        svg.empty("line", "class", "rule", "x1", STUDY_X, "y1", headY + 8, "x2", WEIGHT_END, "y2", headY + 8);
        for (double tick : TICKS) {
            svg.empty("line", "class", "grid", "x1", x(tick), "y1", TABLE_TOP, "x2", x(tick), "y2", axisY);
        }
        return svg;
    }

    /** Rows a group takes beyond its heading and cohorts: pooled row, prediction interval, caption, note, space. */
    private static double extraRows(PooledResult.Group group, boolean random) {
        if (group.k() == 1) {
            return 1.5; // the line saying it is not pooled, and space
        }
        return 2.5 + (random && group.piLower() != null ? 1 : 0) + (group.note() == null ? 0 : 1);
    }

    private static void pooledRow(Svg svg, PooledResult.Group group, double y) {
        boolean exact = group.piLower() == null;
        svg.open("g", "class", "pooled")
                .text("text", (exact ? "Pooled counts (k = " : "Pooled estimate (k = ") + group.k() + ")", "x", STUDY_X,
                        "y", y + 4)
                .text("text", group.events() + "/" + group.total(), "class", "end", "x", COUNT_END, "y", y + 4);
        if (!exact) { // drawn first, so that the diamond lies over it
            double tick = DIAMOND_HALF_HEIGHT - 2;
            svg.empty("line", "class", "pi", "x1", x(group.piLower()), "y1", y, "x2", x(group.piUpper()), "y2", y)
                    .empty("line", "class", "pi", "x1", x(group.piLower()), "y1", y - tick, "x2", x(group.piLower()),
                            "y2", y + tick)
                    .empty("line", "class", "pi", "x1", x(group.piUpper()), "y1", y - tick, "x2", x(group.piUpper()),
                            "y2", y + tick);
        }
        String diamond = String.join(" ", point(x(group.ciLower()), y),
                point(x(group.estimate()), y - DIAMOND_HALF_HEIGHT), point(x(group.ciUpper()), y),
                point(x(group.estimate()), y + DIAMOND_HALF_HEIGHT));
        svg.empty("polygon", "class", "diamond", "points", diamond)
                .text("text", estimate(group.estimate(), group.ciLower(), group.ciUpper()), "x", ESTIMATE_X,
                        "y", y + 4)
                .text("text", "100 %", "class", "end", "x", WEIGHT_END, "y", y + 4)
                .close();
    }

    static void axis(Svg svg, double y, Measure measure) {
        svg.open("g", "class", "x-axis")
                .empty("line", "class", "axis", "x1", PLOT_LEFT, "y1", y, "x2", PLOT_RIGHT, "y2", y);
        for (double tick : TICKS) {
            svg.empty("line", "class", "axis", "x1", x(tick), "y1", y, "x2", x(tick), "y2", y + 5)
                    .text("text", BigDecimal.valueOf(tick).stripTrailingZeros().toPlainString(), "class", "middle",
                            "x", x(tick), "y", y + 19);
        }
        svg.text("text", Labels.of(measure) + " (proportion of patients)", "class", "middle",
                "x", (PLOT_LEFT + PLOT_RIGHT) / 2, "y", y + 40).close();
    }

    /**
     * The method in words and the group's heterogeneity, e.g. "Remission. Random-effects logistic model (GLMM), ML;
     * 95 % Wald CI; k = 9, I² = 50.2 %, τ² = 1.417, Wald Q = 5.57 (p = 0.695), LRT = 14.24 (p = 0.076)".
     */
    private static String caption(PooledResult result, PoolingSettings settings, PooledResult.Group group) {
        String level = percent(settings.level()) + " % ";
        if (group.piLower() == null) { // exact-binomial: the note below says why
            return Labels.of(result.measure()) + ". Pooled counts with the exact (Clopper-Pearson) " + level + "CI; k = "
                    + group.k();
        }
        boolean random = settings.model() == PoolingModel.RANDOM;
        StringBuilder text = new StringBuilder(Labels.of(result.measure())).append(". ").append(methodInWords(settings))
                .append(String.format(Locale.ROOT, "; k = %d, I² = %.1f %%", group.k(), group.i2()));
        if (random) {
            text.append(String.format(Locale.ROOT, ", τ² = %.3f", group.tau2()));
        }
        if (group.qLrt() != null) {
            text.append(String.format(Locale.ROOT, ", Wald Q = %.2f (p = %.3f), LRT = %.2f (p = %.3f)", group.q(),
                    group.qPValue(), group.qLrt(), group.qLrtPValue()));
        } else {
            text.append(String.format(Locale.ROOT, ", Q = %.2f (p = %.3f)", group.q(), group.qPValue()));
        }
        return text.toString();
    }

    /** E.g. "Test for subgroup differences (cell source): Q = 1.53, df = 1, p = 0.216". */
    private static String subgroupCaption(SubgroupDifferences test, GroupBy grouping) {
        String head = "Test for subgroup differences (" + grouping.label.toLowerCase(Locale.ROOT) + "): ";
        if (test.q() == null) {
            return head + "not available. " + test.note();
        }
        String statistic = test.df2() == null
                ? String.format(Locale.ROOT, "Q = %.2f, df = %d", test.q(), test.df())
                : String.format(Locale.ROOT, "F = %.2f, df = %d and %d", test.q(), test.df(), test.df2());
        return head + statistic + String.format(Locale.ROOT, ", p = %.3f", test.p())
                + (test.note() == null ? "" : ". " + test.note());
    }

    /** E.g. "Random-effects logistic model (GLMM), ML; 95 % Wald CI". */
    static String methodInWords(PoolingSettings settings) {
        boolean random = settings.model() == PoolingModel.RANDOM;
        String ci = switch (settings.ciMethod()) {
            case WALD -> "Wald CI";
            case T -> "t CI (k − 1 df)";
            case HARTUNG_KNAPP -> "Hartung-Knapp CI";
            case ADHOC -> "Hartung-Knapp CI with the ad hoc correction";
        };
        String model;
        if (settings.method() == PoolingMethod.GLMM) {
            model = random ? "Random-effects logistic model (GLMM), ML" : "Common-effect logistic model, ML";
        } else {
            String transform = switch (settings.transform()) {
                case LOGIT -> "logit transform";
                case ARCSINE -> "Freeman-Tukey double arcsine transform";
                case RAW -> "untransformed proportions";
            };
            model = (random ? "Random effects, inverse variance, " + settings.tau2Estimator()
                    : "Fixed effect, inverse variance") + ", " + transform;
        }
        return model + "; " + percent(settings.level()) + " % " + ci;
    }

    /** The plot's x for a proportion; pooled raw-scale bounds beyond [0, 1] stop at the axis ends. */
    static double x(double proportion) {
        return PLOT_LEFT + Math.max(0, Math.min(1, proportion)) * (PLOT_RIGHT - PLOT_LEFT);
    }

    static String point(double x, double y) {
        return Svg.number(x) + "," + Svg.number(y);
    }

    static String estimate(double value, double lower, double upper) {
        return String.format(Locale.ROOT, "%.2f ", value) + interval(lower, upper);
    }

    static String interval(double lower, double upper) {
        return String.format(Locale.ROOT, "[%.2f, %.2f]", lower, upper);
    }

    /** 0.95 → "95", 0.999 → "99.9": the level as people write it. */
    static String percent(double level) {
        return new BigDecimal(Double.toString(level)).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    static String fit(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 1).strip() + "…";
    }
}
