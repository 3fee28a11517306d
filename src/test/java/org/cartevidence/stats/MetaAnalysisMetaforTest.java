package org.cartevidence.stats;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every field of every case in metafor-reference.json (written by metafor-reference.R beside it) against
 * {@link MetaAnalysis}, for both cohort interval methods.
 */
class MetaAnalysisMetaforTest {

    private static final double TOLERANCE = 1e-6;

    record Reference(String r, String metafor, List<Case> cases) {
    }

    record Case(String dataset, int[] events, int[] totals, double level, Transform transform, PoolingModel model,
                Tau2Estimator tau2Estimator, CiMethod ciMethod, boolean zeroWidthCorrected, double[] yi,
                double[] vi, double[] weights, double[] wilsonLower, double[] wilsonUpper,
                double[] clopperPearsonLower, double[] clopperPearsonUpper, double mu, double se, double tau2,
                double q, double qPValue, double i2, double h2, double estimate, double ciLower, double ciUpper,
                double piLower, double piUpper) {

        String name() {
            return dataset + " " + transform + " " + model + (tau2Estimator == null ? "" : "/" + tau2Estimator)
                    + " " + ciMethod + " " + level;
        }
    }

    @TestFactory
    Stream<DynamicTest> agreesWithMetafor() throws IOException {
        Reference reference = read();
        assertTrue(reference.metafor().startsWith("3.8"), reference.metafor());
        assertTrue(reference.cases().size() > 500, "cases: " + reference.cases().size());
        return reference.cases().stream().flatMap(c -> Stream.of(ProportionInterval.values())
                .map(interval -> DynamicTest.dynamicTest(c.name() + " " + interval, () -> check(c, interval))));
    }

    private static Reference read() throws IOException {
        try (InputStream in = MetaAnalysisMetaforTest.class.getResourceAsStream("metafor-reference.json")) {
            return new ObjectMapper().readValue(in, Reference.class);
        }
    }

    private static void check(Case c, ProportionInterval interval) {
        List<EventCount> cohorts = IntStream.range(0, c.events().length)
                .mapToObj(i -> new EventCount(c.events()[i], c.totals()[i])).toList();
        // The reference has no estimator for the fixed-effect model; the settings ignore it there.
        Tau2Estimator estimator = c.tau2Estimator() == null ? Tau2Estimator.REML : c.tau2Estimator();
        PooledEstimate r = MetaAnalysis.pool(cohorts,
                new PoolingSettings(c.transform(), c.model(), estimator, c.ciMethod(), interval, c.level()));
        boolean wilson = interval == ProportionInterval.WILSON;

        List<Executable> checks = new ArrayList<>(List.of(
                () -> assertEquals(c.events().length, r.k(), "k"),
                () -> assertEquals(Arrays.stream(c.events()).sum(), r.events(), "events"),
                () -> assertEquals(Arrays.stream(c.totals()).sum(), r.total(), "total"),
                () -> assertClose(c.estimate(), r.estimate(), "estimate"),
                () -> assertClose(c.ciLower(), r.ciLower(), "ciLower"),
                () -> assertClose(c.ciUpper(), r.ciUpper(), "ciUpper"),
                () -> assertClose(c.piLower(), r.piLower(), "piLower"),
                () -> assertClose(c.piUpper(), r.piUpper(), "piUpper"),
                () -> assertClose(c.mu(), r.mu(), "mu"),
                () -> assertClose(c.se(), r.se(), "se"),
                () -> assertClose(c.tau2(), r.tau2(), "tau2"),
                () -> assertClose(c.q(), r.q(), "q"),
                () -> assertClose(c.qPValue(), r.qPValue(), "qPValue"),
                () -> assertClose(c.i2(), r.i2(), "i2"),
                () -> assertClose(c.h2(), r.h2(), "h2"),
                () -> assertEquals(c.zeroWidthCorrected() ? MetaAnalysis.ZERO_WIDTH_NOTE : null, r.note(), "note")));
        checks.add(cohortField(c.yi(), r, CohortEstimate::yi, "yi"));
        checks.add(cohortField(c.vi(), r, CohortEstimate::vi, "vi"));
        checks.add(cohortField(c.weights(), r, CohortEstimate::weight, "weight"));
        checks.add(cohortField(wilson ? c.wilsonLower() : c.clopperPearsonLower(), r, CohortEstimate::ciLower,
                "cohort ciLower"));
        checks.add(cohortField(wilson ? c.wilsonUpper() : c.clopperPearsonUpper(), r, CohortEstimate::ciUpper,
                "cohort ciUpper"));
        double[] proportions = IntStream.range(0, c.events().length)
                .mapToDouble(i -> (double) c.events()[i] / c.totals()[i]).toArray();
        checks.add(cohortField(proportions, r, CohortEstimate::proportion, "proportion"));
        assertAll(checks);
    }

    private static Executable cohortField(double[] expected, PooledEstimate r, ToDoubleFunction<CohortEstimate> field,
                                          String name) {
        return () -> {
            assertEquals(expected.length, r.cohorts().size(), name);
            for (int i = 0; i < expected.length; i++) {
                assertClose(expected[i], field.applyAsDouble(r.cohorts().get(i)), name + "[" + i + "]");
            }
        };
    }

    /** Absolute for values up to 1, relative beyond (Q and H² of the large data set). */
    static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected)),
                () -> what + ": expected " + expected + " but was " + actual);
    }
}
