package org.cartevidence.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetaRegressionRulesTest {

    private static final double[] Y = {-1.2, 0.3, 0.8, -0.4, 1.5, 0.1};
    private static final double[] V = {0.4, 0.25, 0.3, 0.6, 0.2, 0.35};

    private static RegressionFit fit(Design x) {
        return MetaRegression.fit(Y, V, x, PoolingModel.RANDOM, Tau2Estimator.REML, CiMethod.HARTUNG_KNAPP, 0.95);
    }

    private static UnidentifiableModelException refused(Design x) {
        return assertThrows(UnidentifiableModelException.class, () -> fit(x));
    }

    @Test
    void collinearColumnIsRefusedByName() {
        double[] dose = {1, 2, 3, 4, 5, 6};
        double[] doubled = {2, 4, 6, 8, 10, 12};
        UnidentifiableModelException e = refused(Design.builder(6).numeric("dose", dose).numeric("dose x 2", doubled)
                .build());
        assertEquals("dose x 2", e.column());
        assertTrue(e.getMessage().contains("linear combination"), e.getMessage());
    }

    @Test
    void everyLevelCodedBesidesTheInterceptIsRefusedAtTheLastLevel() {
        List<String> group = List.of("A", "A", "B", "B", "C", "C");
        double[] isA = {1, 1, 0, 0, 0, 0};
        Design x = Design.builder(6).factor("group", group, List.of("A", "B", "C")).numeric("group=A", isA).build();
        assertEquals("group=A", refused(x).column());
    }

    @Test
    void moderatorConstantAcrossCohortsIsRefused() {
        double[] year = {2021, 2021, 2021, 2021, 2021, 2021};
        assertEquals("year", refused(Design.builder(6).numeric("year", year).build()).column());
    }

    @Test
    void levelWithoutCohortsIsRefusedByName() {
        List<String> group = List.of("SLE", "SLE", "SSc", "SSc", "SLE", "SSc");
        UnidentifiableModelException e = refused(Design.builder(6)
                .factor("disease", group, List.of("SLE", "myositis", "SSc")).build());
        assertEquals("disease=myositis", e.column());
        assertTrue(e.getMessage().contains("0 for every cohort"), e.getMessage());
    }

    @Test
    void tooFewCohortsForTheColumnsAreRefusedAtColumnK() {
        double[] y = {0.1, 0.5, -0.2};
        double[] v = {0.2, 0.3, 0.25};
        Design x = Design.builder(3).factor("group", List.of("a", "b", "c"), List.of("a", "b", "c")).build();
        for (PoolingModel model : PoolingModel.values()) {
            UnidentifiableModelException e = assertThrows(UnidentifiableModelException.class,
                    () -> MetaRegression.fit(y, v, x, model, Tau2Estimator.DL, CiMethod.WALD, 0.95));
            assertEquals("group=c", e.column(), model.name());
        }
        // One cohort more than columns is enough.
        Design two = Design.builder(3).factor("group", List.of("a", "b", "b"), List.of("a", "b")).build();
        assertEquals(1, MetaRegression.fit(y, v, two, PoolingModel.RANDOM, Tau2Estimator.DL, CiMethod.WALD, 0.95)
                .qeDf());
        // A single cohort cannot even estimate the intercept with tau².
        UnidentifiableModelException single = assertThrows(UnidentifiableModelException.class,
                () -> MetaRegression.fit(new double[] {0.1}, new double[] {0.2}, Design.interceptOnly(1),
                        PoolingModel.RANDOM, Tau2Estimator.DL, CiMethod.WALD, 0.95));
        assertEquals(Design.INTERCEPT, single.column());
    }

    @Test
    void refusalIsAnIllegalArgument() {
        assertTrue(IllegalArgumentException.class.isAssignableFrom(UnidentifiableModelException.class));
    }

    @Test
    void malformedInputIsRejected() {
        Design x = Design.builder(6).numeric("dose", new double[] {1, 2, 3, 4, 5, 6}).build();
        assertThrows(IllegalArgumentException.class, () -> MetaRegression.fit(Y, V, x, PoolingModel.FIXED, null,
                CiMethod.HARTUNG_KNAPP, 0.95));
        assertThrows(IllegalArgumentException.class, () -> MetaRegression.fit(new double[5], V, x,
                PoolingModel.FIXED, null, CiMethod.WALD, 0.95));
        double[] zeroVariance = V.clone();
        zeroVariance[2] = 0;
        assertThrows(IllegalArgumentException.class, () -> MetaRegression.fit(Y, zeroVariance, x,
                PoolingModel.FIXED, null, CiMethod.WALD, 0.95));
        assertThrows(IllegalArgumentException.class, () -> MetaRegression.fit(Y, V, x, PoolingModel.FIXED, null,
                CiMethod.WALD, 95));
        assertThrows(IllegalArgumentException.class,
                () -> new Design(List.of("intercept", "dose"), new double[][] {{1, 2}, {2, 3}}));
        assertThrows(IllegalArgumentException.class,
                () -> new Design(List.of("intercept", "intercept"), new double[][] {{1, 2}, {1, 3}}));
        assertThrows(IllegalArgumentException.class,
                () -> Design.builder(3).factor("group", List.of("a", "b", "z"), List.of("a", "b")));
    }

    /** The builder's treatment coding is the R script's model matrix for every subgroup reference case. */
    @Test
    void builderCodesFactorsAsTheReferenceDesigns() throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        for (MetaRegressionMetaforTest.Case c : MetaRegressionMetaforTest.read().cases()) {
            List<String> names = c.names();
            boolean factorOnly = names.size() > 1 && names.subList(1, names.size()).stream()
                    .allMatch(n -> n.startsWith("group="));
            if (!factorOnly || !seen.add(c.dataset())) {
                continue;
            }
            double[][] rows = c.rows();
            List<String> levels = new ArrayList<>();
            levels.add("reference");
            names.subList(1, names.size()).forEach(n -> levels.add(n.substring("group=".length())));
            List<String> group = new ArrayList<>();
            for (double[] row : rows) {
                String level = "reference";
                for (int j = 1; j < row.length; j++) {
                    if (row[j] == 1) {
                        level = levels.get(j);
                    }
                }
                group.add(level);
            }
            Design built = Design.builder(rows.length).factor("group", group, levels).build();
            assertEquals(names, built.names(), c.dataset());
            assertArrayEquals(rows, built.rows(), c.dataset());
        }
        assertTrue(seen.size() >= 4, "subgroup data sets: " + seen);
    }

    /** Without moderators the regression is {@link MetaAnalysis#pool}: the same tau² to the bit, mu and se to 1e-12. */
    @Test
    void interceptOnlyDesignIsThePooledEstimate() throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        int compared = 0;
        for (MetaAnalysisMetaforTest.Case c : readPooledReference()) {
            int k = c.events().length;
            // The regression refuses k = 1, which pool() answers with the cohort's own Wald interval.
            if (k < 2 || !seen.add(c.dataset() + c.transform() + c.model() + c.tau2Estimator() + c.ciMethod())) {
                continue;
            }
            List<EventCount> cohorts = new ArrayList<>();
            double[] y = new double[k];
            double[] v = new double[k];
            for (int i = 0; i < k; i++) {
                EventCount cohort = new EventCount(c.events()[i], c.totals()[i]);
                cohorts.add(cohort);
                y[i] = c.transform().effectSize(cohort).yi();
                v[i] = c.transform().effectSize(cohort).vi();
            }
            Tau2Estimator estimator = c.tau2Estimator() == null ? Tau2Estimator.REML : c.tau2Estimator();
            PooledEstimate pooled = MetaAnalysis.pool(cohorts, new PoolingSettings(c.transform(), c.model(),
                    estimator, c.ciMethod(), ProportionInterval.WILSON, c.level()));
            if (pooled.note() != null) {
                continue; // where pool() departs from metafor it says so; the regression does not follow it there
            }
            RegressionFit r = MetaRegression.fit(y, v, Design.interceptOnly(k), c.model(), estimator, c.ciMethod(),
                    c.level());
            String what = c.name();
            Coefficient mu = r.coefficients().get(0);
            assertEquals(pooled.tau2(), r.tau2(), 0, what + " tau2");
            assertEquals(pooled.mu(), mu.estimate(), 1e-12 * Math.max(1, Math.abs(pooled.mu())), what + " mu");
            assertEquals(pooled.se(), mu.se(), 1e-12 * pooled.se(), what + " se");
            assertEquals(pooled.q(), r.qe(), 1e-12 * Math.max(1, pooled.q()), what + " q");
            assertEquals(pooled.qPValue(), r.qePValue(), 1e-12, what + " qPValue");
            assertEquals(pooled.i2(), r.i2(), 1e-10, what + " i2");
            assertEquals(pooled.h2(), r.h2(), 1e-12 * Math.max(1, pooled.h2()), what + " h2");
            // The omnibus test without moderators is the intercept's own (undefined where Hartung-Knapp's scale is 0).
            if (mu.se() > 0) {
                assertEquals(mu.statistic() * mu.statistic(), r.qm(), 1e-9 * Math.max(1, r.qm()), what + " qm");
                assertEquals(mu.pValue(), r.qmPValue(), 1e-12, what + " qmPValue");
            } else {
                assertEquals(Double.NaN, r.qm(), what + " qm");
            }
            assertEquals(1, r.qmDf(), what);
            assertNull(r.r2(), what);
            compared++;
        }
        assertTrue(compared > 100, "compared: " + compared);
    }

    private static List<MetaAnalysisMetaforTest.Case> readPooledReference() throws IOException {
        try (InputStream in = MetaAnalysisMetaforTest.class.getResourceAsStream("metafor-reference.json")) {
            return new ObjectMapper().readValue(in, MetaAnalysisMetaforTest.Reference.class).cases();
        }
    }
}
