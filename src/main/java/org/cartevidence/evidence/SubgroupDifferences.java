package org.cartevidence.evidence;

import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cartevidence.stats.Design;
import org.cartevidence.stats.EventCount;
import org.cartevidence.stats.GlmmRegression;
import org.cartevidence.stats.MetaRegression;
import org.cartevidence.stats.PoolingMethod;
import org.cartevidence.stats.PoolingSettings;
import org.cartevidence.stats.RegressionFit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The test for subgroup differences: whether the groups' pooled proportions differ by more than chance, as the
 * omnibus test of the group factor in a model with the groups as moderator (metafor {@code rma(yi, vi, mods =
 * ~ factor(group))}, or {@code rma.glmm(..., mods = ~ factor(group))} for the GLMM), with one τ² for all groups.
 */
@Schema(name = "SubgroupDifferences", description = "The test for subgroup differences: the omnibus test of the "
        + "group factor in a meta-regression with the groups as moderator (one τ² shared by the groups).")
public record SubgroupDifferences(
        @Schema(description = "The test statistic: chi-squared on df, or F on df and df2 (t-type intervals). Absent "
                + "where the test cannot be computed; the note says why.", examples = "1.53") @Nullable Double q,
        @Schema(description = "Degrees of freedom: the number of groups taking part less one.", examples = "1")
        @Nullable Integer df,
        @Schema(description = "Denominator degrees of freedom (k - groups) when q is an F statistic.", examples = "7")
        @Nullable Integer df2,
        @Schema(description = "p-value of q.", examples = "0.216") @Nullable Double p,
        @Schema(description = "The model the test comes from.", examples = "glmm",
                enumeration = {"glmm", "inverse-variance"}) String method,
        @Schema(description = "The groups taking part, by group name.", examples = "[\"ALLOGENEIC\", \"AUTOLOGOUS\"]")
        List<String> groups,
        @Schema(description = "Why groups were left out of the test, or why there is no test; absent otherwise.")
        @Nullable String note) {

    /**
     * The test over the groups (by name, in answer order), or null for fewer than two groups. A GLMM leaves out the
     * groups whose cohorts all had, or all lacked, the outcome: the logistic model has no finite estimate for them.
     */
    static SubgroupDifferences of(Map<String, List<EventCount>> groups, PoolingSettings settings) {
        if (groups.size() < 2) {
            return null;
        }
        boolean glmm = settings.method() == PoolingMethod.GLMM;
        List<String> taking = new ArrayList<>();
        List<String> left = new ArrayList<>();
        groups.forEach((group, cohorts) -> {
            int events = cohorts.stream().mapToInt(EventCount::events).sum();
            int total = cohorts.stream().mapToInt(EventCount::total).sum();
            (glmm && (events == 0 || events == total) ? left : taking).add(group);
        });
        String method = EvidenceQuery.METHOD.nameOf(settings.method());
        String leftOut = left.isEmpty() ? null : "Left out: " + String.join(", ", left) + " (every cohort had the "
                + "outcome, or none did, which the logistic model cannot estimate).";
        if (taking.size() < 2) {
            return new SubgroupDifferences(null, null, null, null, method, taking, leftOut + " Fewer than two groups "
                    + "remain to compare.");
        }
        List<EventCount> cohorts = new ArrayList<>();
        List<String> levels = new ArrayList<>();
        for (String group : taking) {
            for (EventCount cohort : groups.get(group)) {
                cohorts.add(cohort);
                levels.add(group);
            }
        }
        Design design = Design.builder(cohorts.size()).factor("group", levels, taking).build();
        RegressionFit fit;
        try {
            fit = glmm ? GlmmRegression.fit(cohorts, design, settings.model(), settings.ciMethod(), settings.level())
                    : MetaRegression.fit(cohorts, settings.transform(), design, settings.model(),
                            settings.tau2Estimator(), settings.ciMethod(), settings.level());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return new SubgroupDifferences(null, null, null, null, method, taking, join(leftOut, "The model with "
                    + "the groups as moderator cannot be estimated: " + e.getMessage() + "."));
        }
        if (Double.isNaN(fit.qm())) {
            return new SubgroupDifferences(null, fit.qmDf(), fit.qmDf2(), null, method, taking, join(leftOut,
                    "Hartung-Knapp's scale is 0 (the cohorts agree exactly within groups), so the test is undefined."));
        }
        return new SubgroupDifferences(fit.qm(), fit.qmDf(), fit.qmDf2(), fit.qmPValue(), method, taking, leftOut);
    }

    private static String join(String first, String second) {
        return first == null ? second : first + " " + second;
    }
}
