package org.cartevidence.stats;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every field of every case in glmm-regression.json (written by glmm-regression.R beside it: rma.glmm with
 * moderators) against {@link GlmmRegression}: coefficients, their tests and intervals, QM, the Wald and LRT tests of
 * residual heterogeneity, tau², I² and H². Coefficients to 1e-4 (relative beyond 1), tau² to 1e-3 relative.
 */
class GlmmRegressionMetaforTest {

    private static final double TOLERANCE = 1e-4;

    record Reference(String r, String metafor, String lme4, List<Case> cases) {
    }

    record Case(String dataset, int[] events, int[] totals, List<String> names, double[][] rows, double level,
                PoolingModel model, CiMethod ciMethod, double[] estimate, double[] se, double[] statistic,
                double[] pValue, double[] ciLower, double[] ciUpper, double qm, int qmDf, Integer qmDf2,
                double qmPValue, double qe, int qeDf, double qePValue, double qeLrt, double qeLrtPValue, double tau2,
                double i2, double h2) {
    }

    @TestFactory
    Stream<DynamicTest> agreesWithRmaGlmmWithModerators() throws IOException {
        Reference reference;
        try (InputStream in = getClass().getResourceAsStream("glmm-regression.json")) {
            reference = new ObjectMapper().readValue(in, Reference.class);
        }
        assertTrue(reference.cases().size() >= 24, "cases: " + reference.cases().size());
        return reference.cases().stream().map(c -> DynamicTest.dynamicTest(
                c.dataset() + " " + c.model() + " " + c.ciMethod() + " " + c.level(), () -> check(c)));
    }

    private static void check(Case c) {
        List<EventCount> cohorts = IntStream.range(0, c.events().length)
                .mapToObj(i -> new EventCount(c.events()[i], c.totals()[i])).toList();
        RegressionFit r = GlmmRegression.fit(cohorts, new Design(c.names(), c.rows()), c.model(), c.ciMethod(),
                c.level());
        List<Executable> checks = new ArrayList<>(List.of(
                () -> assertEquals(c.events().length, r.k(), "k"),
                () -> assertEquals(c.names().size(), r.p(), "p"),
                () -> assertClose(c.qm(), r.qm(), TOLERANCE, "qm"),
                () -> assertEquals(c.qmDf(), r.qmDf(), "qmDf"),
                () -> assertEquals(c.qmDf2(), r.qmDf2(), "qmDf2"),
                () -> assertClose(c.qmPValue(), r.qmPValue(), TOLERANCE, "qmPValue"),
                () -> assertClose(c.qe(), r.qe(), TOLERANCE, "qe (Wald)"),
                () -> assertEquals(c.qeDf(), r.qeDf(), "qeDf"),
                () -> assertClose(c.qePValue(), r.qePValue(), TOLERANCE, "qePValue"),
                () -> assertClose(c.qeLrt(), r.qeLrt(), TOLERANCE, "qeLrt"),
                () -> assertClose(c.qeLrtPValue(), r.qeLrtPValue(), TOLERANCE, "qeLrtPValue"),
                () -> assertTrue(Math.abs(r.tau2() - c.tau2()) <= 1e-3 * Math.max(c.tau2(), 1e-3),
                        () -> "tau2: expected " + c.tau2() + " but was " + r.tau2()),
                () -> assertClose(c.i2(), r.i2(), 1e-2, "i2 (percent)"),
                () -> assertClose(c.h2(), r.h2(), 1e-3, "h2"),
                () -> assertNull(r.r2(), "rma.glmm reports no R²")));
        for (int j = 0; j < c.names().size(); j++) {
            int col = j;
            Coefficient coefficient = r.coefficients().get(j);
            String name = c.names().get(j);
            checks.add(() -> assertEquals(name, coefficient.name()));
            checks.add(() -> assertClose(c.estimate()[col], coefficient.estimate(), TOLERANCE, name + " estimate"));
            // lme4's se rests on a finite-difference Hessian: see GlmmMetaforTest.
            checks.add(() -> assertClose(c.se()[col], coefficient.se(), 1e-3, name + " se"));
            checks.add(() -> assertClose(c.statistic()[col], coefficient.statistic(), 1e-3, name + " statistic"));
            checks.add(() -> assertClose(c.pValue()[col], coefficient.pValue(), TOLERANCE, name + " p"));
            checks.add(() -> assertClose(c.ciLower()[col], coefficient.ciLower(), 1e-3, name + " ciLower"));
            checks.add(() -> assertClose(c.ciUpper()[col], coefficient.ciUpper(), 1e-3, name + " ciUpper"));
        }
        assertAll(checks);
    }

    /** Absolute for values up to 1, relative beyond. */
    private static void assertClose(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
                () -> what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void aGroupWhoseCohortsAllHadTheOutcomeIsRefusedByName() {
        List<EventCount> cohorts = List.of(new EventCount(3, 10), new EventCount(5, 12), new EventCount(4, 4),
                new EventCount(6, 6), new EventCount(2, 9));
        Design design = Design.builder(5).factor("group", List.of("a", "a", "b", "b", "a"), List.of("a", "b"))
                .build();
        UnidentifiableModelException e = assertThrows(UnidentifiableModelException.class,
                () -> GlmmRegression.fit(cohorts, design, PoolingModel.RANDOM, CiMethod.WALD, 0.95));
        assertEquals("group=b", e.column());
    }

    @Test
    void hartungKnappIsAnInverseVarianceMethod() {
        List<EventCount> cohorts = List.of(new EventCount(3, 10), new EventCount(5, 12), new EventCount(2, 9));
        assertThrows(IllegalArgumentException.class, () -> GlmmRegression.fit(cohorts, Design.interceptOnly(3),
                PoolingModel.RANDOM, CiMethod.HARTUNG_KNAPP, 0.95));
    }
}
