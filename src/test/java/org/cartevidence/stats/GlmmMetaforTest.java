package org.cartevidence.stats;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every field of every case in glmm-reference.json (written by glmm-reference.R beside it: metafor's rma.glmm with
 * lme4) against {@link MetaAnalysis} with {@link PoolingMethod#GLMM}: 1e-4 on the proportion scale, 1e-3 relative on
 * tau², and the exact-binomial answer where rma.glmm cannot fit.
 */
class GlmmMetaforTest {

    private static final double PROPORTION = 1e-4;
    private static final double RELATIVE = 1e-3;

    record Reference(String r, String metafor, String lme4, List<Case> cases) {
    }

    record Case(String dataset, int[] events, int[] totals, double level, PoolingModel model, CiMethod ciMethod,
                PoolingMethod method, Double mu, Double se, Double tau2, Double q, Double qPValue, Double qLrt,
                Double qLrtPValue, Double i2, Double h2, double estimate, double ciLower, double ciUpper,
                Double piLower, Double piUpper, double[] weights) {

        String name() {
            return dataset + " " + model + " " + ciMethod + " " + level;
        }
    }

    @TestFactory
    Stream<DynamicTest> agreesWithRmaGlmm() throws IOException {
        Reference reference;
        try (InputStream in = GlmmMetaforTest.class.getResourceAsStream("glmm-reference.json")) {
            reference = new ObjectMapper().readValue(in, Reference.class);
        }
        assertTrue(reference.metafor().startsWith("3.8"), reference.metafor());
        assertTrue(reference.cases().size() >= 50, "cases: " + reference.cases().size());
        assertTrue(reference.cases().stream().anyMatch(c -> c.events().length == 60), "a case with k = 60");
        return reference.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) {
        List<EventCount> cohorts = IntStream.range(0, c.events().length)
                .mapToObj(i -> new EventCount(c.events()[i], c.totals()[i])).toList();
        PooledEstimate r = MetaAnalysis.pool(cohorts, new PoolingSettings(Transform.LOGIT, c.model(),
                Tau2Estimator.REML, c.ciMethod(), ProportionInterval.WILSON, c.level(), PoolingMethod.GLMM));

        List<Executable> checks = new ArrayList<>(List.of(
                () -> assertEquals(c.method(), r.method(), "method"),
                () -> assertEquals(c.events().length, r.k(), "k"),
                () -> assertEquals(Arrays.stream(c.events()).sum(), r.events(), "events"),
                () -> assertEquals(Arrays.stream(c.totals()).sum(), r.total(), "total"),
                () -> assertClose(c.estimate(), r.estimate(), PROPORTION, "estimate"),
                () -> assertClose(c.ciLower(), r.ciLower(), PROPORTION, "ciLower"),
                () -> assertClose(c.ciUpper(), r.ciUpper(), PROPORTION, "ciUpper"),
                () -> assertTrue(r.ciUpper() - r.ciLower() > 0.01, "a sample of patients never gives a zero-width "
                        + "interval: " + r.ciLower() + " to " + r.ciUpper()),
                () -> {
                    for (int i = 0; i < c.weights().length; i++) {
                        assertClose(c.weights()[i], r.cohorts().get(i).weight(), 1e-2, "weight[" + i + "] (percent)");
                    }
                }));
        if (c.method() == PoolingMethod.EXACT_BINOMIAL) {
            checks.add(() -> assertNotNull(r.note(), "note"));
            checks.add(() -> assertNull(r.tau2(), "tau2"));
            checks.add(() -> assertNull(r.piLower(), "piLower"));
            checks.add(() -> assertNull(r.piUpper(), "piUpper"));
        } else {
            checks.add(() -> assertNull(r.note(), "note"));
            checks.add(() -> assertClose(c.piLower(), r.piLower(), PROPORTION, "piLower"));
            checks.add(() -> assertClose(c.piUpper(), r.piUpper(), PROPORTION, "piUpper"));
            checks.add(() -> assertClose(c.mu(), r.mu(), RELATIVE * 0.1, "mu"));
            // lme4's se comes from a finite-difference Hessian of a deviance whose inner iteration stops at 1e-7:
            // about 1e-4 of noise, on the logit scale (the intervals above are held to 1e-4 on the proportion scale).
            checks.add(() -> assertClose(c.se(), r.se(), RELATIVE, "se"));
            // Relative, with an absolute floor for a tau² at (or a rounding away from) its boundary 0.
            checks.add(() -> assertTrue(Math.abs(r.tau2() - c.tau2()) <= RELATIVE * Math.max(c.tau2(), 1e-3),
                    () -> "tau2: expected " + c.tau2() + " but was " + r.tau2()));
            checks.add(() -> assertClose(c.q(), r.q(), RELATIVE * 0.1, "q (Wald)"));
            checks.add(() -> assertClose(c.qPValue(), r.qPValue(), PROPORTION, "qPValue"));
            checks.add(() -> assertClose(c.qLrt(), r.qLrt(), RELATIVE * 0.1, "qLrt"));
            checks.add(() -> assertClose(c.qLrtPValue(), r.qLrtPValue(), PROPORTION, "qLrtPValue"));
            checks.add(() -> assertClose(c.i2(), r.i2(), 1e-2, "i2 (percent)"));
            checks.add(() -> assertClose(c.h2(), r.h2(), RELATIVE, "h2"));
        }
        assertAll(checks);
    }

    /** Absolute for values up to 1, relative beyond. */
    private static void assertClose(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
                () -> what + ": expected " + expected + " but was " + actual);
    }
}
