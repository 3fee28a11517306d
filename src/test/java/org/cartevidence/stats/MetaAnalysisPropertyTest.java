package org.cartevidence.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Invariants over seeded random data sets and every combination of settings. */
class MetaAnalysisPropertyTest {

    private static final int DATA_SETS = 200;
    private static final double SLACK = 1e-12;

    @Test
    void invariantsHoldForEveryCombination() {
        Random random = new Random(20240613);
        for (int d = 0; d < DATA_SETS; d++) {
            List<EventCount> cohorts = randomCohorts(random);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < cohorts.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            List<EventCount> shuffled = order.stream().map(cohorts::get).toList();

            for (PoolingSettings settings : allSettings()) {
                String what = "data set " + d + " " + settings;
                PooledEstimate r = MetaAnalysis.pool(cohorts, settings);
                assertOrdered(what, r.piLower(), r.ciLower(), r.estimate(), r.ciUpper(), r.piUpper());
                assertTrue(r.i2() >= 0 && r.i2() <= 100, what + " I² " + r.i2());
                assertTrue(r.tau2() >= 0, what);
                assertTrue(r.se() > 0, what + " se " + r.se());
                if (settings.ciMethod() != CiMethod.HARTUNG_KNAPP) {
                    assertNull(r.note(), what);
                }
                assertTrue(r.qPValue() >= 0 && r.qPValue() <= 1, what);
                assertEquals(100, r.cohorts().stream().mapToDouble(CohortEstimate::weight).sum(), 1e-9, what);
                for (CohortEstimate c : r.cohorts()) {
                    assertOrdered(what, c.ciLower(), c.proportion(), c.ciUpper());
                }

                PooledEstimate p = MetaAnalysis.pool(shuffled, settings);
                assertSamePooled(what + " shuffled", r, p);
                for (int i = 0; i < order.size(); i++) {
                    assertEquals(r.cohorts().get(order.get(i)).weight(), p.cohorts().get(i).weight(), 1e-9, what);
                }

                if (settings.ciMethod() == CiMethod.T) {
                    double waldSe = MetaAnalysis.pool(cohorts, withCiMethod(settings, CiMethod.WALD)).se();
                    assertEquals(waldSe, r.se(), 1e-12 * waldSe, what);
                }
                if (settings.ciMethod() == CiMethod.ADHOC) {
                    // Hartung-Knapp's standard error, but never below Wald's.
                    double waldSe = MetaAnalysis.pool(cohorts, withCiMethod(settings, CiMethod.WALD)).se();
                    double hkSe = MetaAnalysis.pool(cohorts, withCiMethod(settings, CiMethod.HARTUNG_KNAPP)).se();
                    assertEquals(Math.max(waldSe, hkSe), r.se(), 1e-12 * waldSe, what);
                }

                if (settings.model() == PoolingModel.RANDOM && settings.ciMethod() == CiMethod.WALD
                        && r.tau2() == 0) {
                    PooledEstimate fixed = MetaAnalysis.pool(cohorts, new PoolingSettings(settings.transform(),
                            PoolingModel.FIXED, settings.tau2Estimator(), CiMethod.WALD,
                            settings.cohortInterval(), settings.level()));
                    assertSamePooled(what + " vs fixed", fixed, r);
                }
            }
        }
    }

    private static List<EventCount> randomCohorts(Random random) {
        int k = 1 + random.nextInt(25);
        double typical = random.nextDouble();
        double spread = random.nextDouble() * 0.4; // 0 .. 0.4 on the proportion scale: from none to much
        List<EventCount> cohorts = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int total = 1 + random.nextInt(random.nextBoolean() ? 10 : 120);
            double p = Math.min(1, Math.max(0, typical + spread * random.nextGaussian()));
            int events = 0;
            for (int j = 0; j < total; j++) {
                events += random.nextDouble() < p ? 1 : 0;
            }
            cohorts.add(new EventCount(events, total));
        }
        return cohorts;
    }

    private static List<PoolingSettings> allSettings() {
        List<PoolingSettings> all = new ArrayList<>();
        for (Transform transform : Transform.values()) {
            for (double level : new double[] {0.95, 0.8}) {
                for (CiMethod ciMethod : new CiMethod[] {CiMethod.WALD, CiMethod.T}) {
                    all.add(new PoolingSettings(transform, PoolingModel.FIXED, Tau2Estimator.REML, ciMethod,
                            ProportionInterval.CLOPPER_PEARSON, level));
                }
                for (Tau2Estimator estimator : Tau2Estimator.values()) {
                    for (CiMethod ciMethod : CiMethod.values()) {
                        all.add(new PoolingSettings(transform, PoolingModel.RANDOM, estimator, ciMethod,
                                ProportionInterval.WILSON, level));
                    }
                }
            }
        }
        return all;
    }

    private static PoolingSettings withCiMethod(PoolingSettings settings, CiMethod ciMethod) {
        return new PoolingSettings(settings.transform(), settings.model(), settings.tau2Estimator(), ciMethod,
                settings.cohortInterval(), settings.level());
    }

    private static void assertOrdered(String what, double... values) {
        for (int i = 1; i < values.length; i++) {
            assertTrue(values[i - 1] <= values[i] + SLACK, what + ": not ordered at " + i + ": "
                    + Arrays.toString(values));
        }
    }

    /** Pooled numbers only: I² and H² are defined differently for the two models even at tau² = 0. */
    private static void assertSamePooled(String what, PooledEstimate expected, PooledEstimate actual) {
        double[] e = {expected.estimate(), expected.ciLower(), expected.ciUpper(), expected.piLower(),
            expected.piUpper(), expected.mu(), expected.se(), expected.tau2(), expected.q(), expected.qPValue()};
        double[] a = {actual.estimate(), actual.ciLower(), actual.ciUpper(), actual.piLower(),
            actual.piUpper(), actual.mu(), actual.se(), actual.tau2(), actual.q(), actual.qPValue()};
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-9 * Math.max(1, Math.abs(e[i])), what + " field " + i);
        }
    }
}
