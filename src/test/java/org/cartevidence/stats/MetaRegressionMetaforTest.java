package org.cartevidence.stats;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every field of every case in metafor-regression.json (written by metafor-regression.R beside it) against
 * {@link MetaRegression}, the effect sizes computed by {@link Transform} from the event counts.
 */
class MetaRegressionMetaforTest {

    record Reference(String r, String metafor, List<Case> cases) {
    }

    record Case(String dataset, Transform transform, PoolingModel model, Tau2Estimator tau2Estimator,
                CiMethod ciMethod, double level, int[] events, int[] totals, double[] yi, double[] vi,
                List<String> names, double[][] rows, double[] estimate, double[] se, double[] statistic,
                double[] pValue, double[] ciLower, double[] ciUpper, double qm, int qmDf, Integer qmDf2,
                double qmPValue, double qe, int qeDf, double qePValue, double tau2, double i2, double h2,
                Double r2) {

        String name() {
            return dataset + " " + transform + " " + model + (tau2Estimator == null ? "" : "/" + tau2Estimator)
                    + " " + ciMethod + " " + level;
        }

        Design design() {
            return new Design(names, rows);
        }
    }

    static Reference read() throws IOException {
        try (InputStream in = MetaRegressionMetaforTest.class.getResourceAsStream("metafor-regression.json")) {
            return new ObjectMapper().readValue(in, Reference.class);
        }
    }

    @TestFactory
    Stream<DynamicTest> agreesWithMetafor() throws IOException {
        Reference reference = read();
        assertTrue(reference.metafor().startsWith("3.8"), reference.metafor());
        assertTrue(reference.cases().size() > 200, "cases: " + reference.cases().size());
        return reference.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) {
        int k = c.events().length;
        double[] yi = new double[k];
        double[] vi = new double[k];
        for (int i = 0; i < k; i++) {
            Transform.EffectSize es = c.transform().effectSize(new EventCount(c.events()[i], c.totals()[i]));
            yi[i] = es.yi();
            vi[i] = es.vi();
        }
        RegressionFit r = MetaRegression.fit(yi, vi, c.design(), c.model(), c.tau2Estimator(), c.ciMethod(),
                c.level());

        List<Executable> checks = new ArrayList<>(List.of(
                () -> assertEquals(k, r.k(), "k"),
                () -> assertEquals(c.names().size(), r.p(), "p"),
                () -> assertEquals(c.names(), r.coefficients().stream().map(Coefficient::name).toList(), "names"),
                () -> assertClose(c.qm(), r.qm(), "qm"),
                () -> assertEquals(c.qmDf(), r.qmDf(), "qmDf"),
                () -> assertEquals(c.qmDf2(), r.qmDf2(), "qmDf2"),
                () -> assertEquals(c.qmDf2() != null, r.tTest(), "tTest"),
                () -> assertClose(c.qmPValue(), r.qmPValue(), "qmPValue"),
                () -> assertClose(c.qe(), r.qe(), "qe"),
                () -> assertEquals(c.qeDf(), r.qeDf(), "qeDf"),
                () -> assertClose(c.qePValue(), r.qePValue(), "qePValue"),
                () -> assertClose(c.tau2(), r.tau2(), "tau2"),
                () -> assertClose(c.i2(), r.i2(), "i2"),
                () -> assertClose(c.h2(), r.h2(), "h2"),
                () -> {
                    if (c.r2() == null) {
                        assertNull(r.r2(), "r2");
                    } else {
                        assertClose(c.r2(), r.r2(), "r2");
                    }
                }));
        for (int i = 0; i < k; i++) {
            int cohort = i;
            checks.add(() -> assertClose(c.yi()[cohort], yi[cohort], "yi[" + cohort + "]"));
            checks.add(() -> assertClose(c.vi()[cohort], vi[cohort], "vi[" + cohort + "]"));
        }
        checks.add(coefficientField(c.estimate(), r, Coefficient::estimate, "estimate"));
        checks.add(coefficientField(c.se(), r, Coefficient::se, "se"));
        checks.add(coefficientField(c.statistic(), r, Coefficient::statistic, "statistic"));
        checks.add(coefficientField(c.pValue(), r, Coefficient::pValue, "pValue"));
        checks.add(coefficientField(c.ciLower(), r, Coefficient::ciLower, "ciLower"));
        checks.add(coefficientField(c.ciUpper(), r, Coefficient::ciUpper, "ciUpper"));
        assertAll(checks);
    }

    private static Executable coefficientField(double[] expected, RegressionFit r, ToDoubleFunction<Coefficient> field,
                                               String name) {
        return () -> {
            assertEquals(expected.length, r.coefficients().size(), name);
            for (int j = 0; j < expected.length; j++) {
                Coefficient coefficient = r.coefficients().get(j);
                assertClose(expected[j], field.applyAsDouble(coefficient), name + "[" + coefficient.name() + "]");
            }
        };
    }

    /** As {@link MetaAnalysisMetaforTest#assertClose}; infinities and NaN (metafor's NA) must match exactly. */
    static void assertClose(double expected, double actual, String what) {
        if (Double.isFinite(expected)) {
            MetaAnalysisMetaforTest.assertClose(expected, actual, what);
        } else {
            assertEquals(expected, actual, what);
        }
    }
}
