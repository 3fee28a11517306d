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
 * Cumulative and leave-one-out analyses against sequential-reference.R's values: metafor's cumul() and leave1out()
 * for inverse variance (to 1e-6), rma.glmm step by step for the GLMM (to 1e-4 on the proportion scale).
 */
class SequentialAnalysisTest {

    record Reference(String r, String metafor, String lme4, List<Case> cases) {
    }

    record Step(int k, PoolingMethod method, double estimate, double ciLower, double ciUpper, Double piLower,
                Double piUpper, Double tau2, Double q) {
    }

    record Case(String dataset, int[] events, int[] totals, PoolingMethod method, PoolingModel model,
                Tau2Estimator tau2Estimator, CiMethod ciMethod, List<Step> cumulative, List<Step> leaveOneOut) {

        PoolingSettings settings() {
            return new PoolingSettings(Transform.LOGIT, model, tau2Estimator == null ? Tau2Estimator.REML
                    : tau2Estimator, ciMethod, ProportionInterval.WILSON, 0.95, method);
        }

        List<EventCount> cohorts() {
            return IntStream.range(0, events.length).mapToObj(i -> new EventCount(events[i], totals[i])).toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> agreesWithMetaforStepByStep() throws IOException {
        Reference reference;
        try (InputStream in = getClass().getResourceAsStream("sequential-reference.json")) {
            reference = new ObjectMapper().readValue(in, Reference.class);
        }
        assertTrue(reference.cases().size() >= 20);
        return reference.cases().stream().flatMap(c -> Stream.of(
                DynamicTest.dynamicTest(c.dataset() + " " + c.method() + " " + c.model() + " " + c.ciMethod()
                        + " cumulative", () -> check(c.cumulative(), SequentialAnalysis.cumulative(c.cohorts(),
                        c.settings()), c.method())),
                DynamicTest.dynamicTest(c.dataset() + " " + c.method() + " " + c.model() + " " + c.ciMethod()
                        + " leave-one-out", () -> check(c.leaveOneOut(), SequentialAnalysis.leaveOneOut(c.cohorts(),
                        c.settings()), c.method()))));
    }

    private static void check(List<Step> expected, List<PooledEstimate> actual, PoolingMethod method) {
        double tolerance = method == PoolingMethod.GLMM ? 1e-4 : 1e-6;
        assertEquals(expected.size(), actual.size(), "steps");
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Step e = expected.get(i);
            PooledEstimate a = actual.get(i);
            String step = "step " + (i + 1) + " ";
            checks.add(() -> assertEquals(e.k(), a.k(), step + "k"));
            checks.add(() -> assertEquals(e.method(), a.method(), step + "method"));
            checks.add(() -> close(e.estimate(), a.estimate(), tolerance, step + "estimate"));
            checks.add(() -> close(e.ciLower(), a.ciLower(), tolerance, step + "ciLower"));
            checks.add(() -> close(e.ciUpper(), a.ciUpper(), tolerance, step + "ciUpper"));
            if (e.method() == PoolingMethod.EXACT_BINOMIAL) {
                checks.add(() -> assertNull(a.tau2(), step + "tau2"));
            } else {
                checks.add(() -> close(e.piLower(), a.piLower(), tolerance, step + "piLower"));
                checks.add(() -> close(e.piUpper(), a.piUpper(), tolerance, step + "piUpper"));
                checks.add(() -> assertTrue(Math.abs(a.tau2() - e.tau2())
                        <= (method == PoolingMethod.GLMM ? 1e-3 * Math.max(e.tau2(), 1e-3) : tolerance),
                        step + "tau2: expected " + e.tau2() + " but was " + a.tau2()));
                checks.add(() -> close(e.q(), a.q(), tolerance, step + "q"));
            }
        }
        assertAll(checks);
    }

    private static void close(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
                () -> what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void leavingOneOutOfOneCohortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SequentialAnalysis.leaveOneOut(
                List.of(new EventCount(3, 5)), PoolingSettings.DEFAULTS));
    }
}
