package org.cartevidence.stats;

import static org.cartevidence.stats.MetaAnalysisMetaforTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * REML where Fisher scoring does not converge: the cases of reml-fallback.json (written by reml-fallback.R beside it)
 * against metafor's maximum of the restricted likelihood.
 */
class RemlFallbackTest {

    private static final double LEVEL = 0.95;

    record Reference(String r, String metafor, List<Case> cases) {
    }

    record Case(String dataset, Transform transform, int[] events, int[] totals, List<String> names,
                double[][] rows, boolean metaforDefaultConverges, double tau2, double[] estimate, double[] se) {

        List<EventCount> cohorts() {
            return IntStream.range(0, events.length).mapToObj(i -> new EventCount(events[i], totals[i])).toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> agreesWithTheRestrictedLikelihoodMaximum() throws IOException {
        Reference reference;
        try (InputStream in = RemlFallbackTest.class.getResourceAsStream("reml-fallback.json")) {
            reference = new ObjectMapper().readValue(in, Reference.class);
        }
        assertTrue(reference.metafor().startsWith("3.8"), reference.metafor());
        assertTrue(reference.cases().size() >= 10, "cases: " + reference.cases().size());
        return reference.cases().stream().map(c -> DynamicTest.dynamicTest(c.dataset(), () -> check(c)));
    }

    private static void check(Case c) {
        EffectSizes es = EffectSizes.of(c.cohorts(), c.transform());
        Design design = new Design(c.names(), c.rows());
        assertTrue(Double.isNaN(Tau2Estimator.fisherScoringWithShorterSteps(WeightedLeastSquares.of(es.y, es.v,
                design))), "Fisher scoring converges; not a case for the fallback");

        RegressionFit fit = MetaRegression.fit(es.y, es.v, design, PoolingModel.RANDOM, Tau2Estimator.REML,
                CiMethod.WALD, LEVEL);
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertClose(c.tau2(), fit.tau2(), "tau2"));
        for (int j = 0; j < c.names().size(); j++) {
            Coefficient coefficient = fit.coefficients().get(j);
            int column = j;
            checks.add(() -> assertClose(c.estimate()[column], coefficient.estimate(), coefficient.name()));
            checks.add(() -> assertClose(c.se()[column], coefficient.se(), "se of " + coefficient.name()));
        }
        if (design.p() == 1) {
            PooledEstimate pooled = MetaAnalysis.pool(c.cohorts(), new PoolingSettings(c.transform(),
                    PoolingModel.RANDOM, Tau2Estimator.REML, CiMethod.WALD, ProportionInterval.WILSON, LEVEL));
            checks.add(() -> assertClose(c.tau2(), pooled.tau2(), "pooled tau2"));
            checks.add(() -> assertClose(c.estimate()[0], pooled.mu(), "pooled mu"));
            checks.add(() -> assertClose(c.se()[0], pooled.se(), "pooled se"));
        }
        assertAll(checks);
    }

    private record EffectSizes(double[] y, double[] v) {

        static EffectSizes of(List<EventCount> cohorts, Transform transform) {
            double[] y = new double[cohorts.size()];
            double[] v = new double[cohorts.size()];
            for (int i = 0; i < y.length; i++) {
                Transform.EffectSize es = transform.effectSize(cohorts.get(i));
                y[i] = es.yi();
                v[i] = es.vi();
            }
            return new EffectSizes(y, v);
        }
    }
}
