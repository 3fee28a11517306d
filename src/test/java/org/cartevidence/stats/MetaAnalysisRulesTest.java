package org.cartevidence.stats;

import static org.cartevidence.stats.MetaAnalysisMetaforTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetaAnalysisRulesTest {

    private static final List<EventCount> SLE = List.of(new EventCount(8, 8), new EventCount(1, 1), new EventCount(3, 3),
            new EventCount(5, 5), new EventCount(12, 15), new EventCount(12, 13), new EventCount(3, 4), new EventCount(1, 1),
            new EventCount(1, 4));

    private static PoolingSettings settings(Transform transform, PoolingModel model, Tau2Estimator estimator,
                                            CiMethod ciMethod) {
        return new PoolingSettings(transform, model, estimator, ciMethod, ProportionInterval.WILSON, 0.95);
    }

    /** The reference forest plot (tools/reference-data/forest-sle-metafor.R: metafor REML, Hartung-Knapp, logit). */
    @Test
    void defaultsReproduceTheSleExample() {
        PooledEstimate r = MetaAnalysis.pool(SLE, PoolingSettings.INVERSE_VARIANCE_DEFAULTS);
        assertEquals(0.8025, r.estimate(), 5e-5);
        assertEquals(0.6357, r.ciLower(), 5e-5);
        assertEquals(0.9044, r.ciUpper(), 5e-5);
        assertEquals(r.ciLower(), r.piLower());
        assertEquals(r.ciUpper(), r.piUpper());
        assertEquals(0, r.tau2());
        assertEquals(7.4622, r.q(), 5e-5);
        assertEquals(0.4877, r.qPValue(), 5e-5);
        assertEquals(0, r.i2());
        assertEquals(1, r.h2());
        assertEquals(46, r.events());
        assertEquals(54, r.total());
    }

    @Test
    void emptyGroupIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetaAnalysis.pool(List.of(), PoolingSettings.INVERSE_VARIANCE_DEFAULTS));
        assertEquals("cannot pool an empty group of cohorts", e.getMessage());
    }

    @Test
    void fixedEffectWithHartungKnappIsRejected() {
        for (CiMethod ciMethod : new CiMethod[] {CiMethod.HARTUNG_KNAPP, CiMethod.ADHOC}) {
            assertThrows(IllegalArgumentException.class, () -> settings(Transform.LOGIT, PoolingModel.FIXED,
                    Tau2Estimator.REML, ciMethod));
        }
    }

    @Test
    void levelMustLieInTheOpenUnitInterval() {
        for (double level : new double[] {0, 1, 95, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> new PoolingSettings(Transform.LOGIT,
                    PoolingModel.RANDOM, Tau2Estimator.REML, CiMethod.WALD, ProportionInterval.WILSON, level));
        }
    }

    @Test
    void singleCohortIsAWaldIntervalAroundItsOwnEffect() {
        List<EventCount> one = List.of(new EventCount(3, 7));
        double z = 1.959963984540054;
        for (Transform transform : Transform.values()) {
            Transform.EffectSize es = transform.effectSize(one.get(0));
            PooledEstimate fixed = MetaAnalysis.pool(one,
                    settings(transform, PoolingModel.FIXED, Tau2Estimator.REML, CiMethod.WALD));
            for (Tau2Estimator estimator : Tau2Estimator.values()) {
                for (CiMethod ciMethod : CiMethod.values()) {
                    PooledEstimate r = MetaAnalysis.pool(one,
                            settings(transform, PoolingModel.RANDOM, estimator, ciMethod));
                    String what = transform + " " + estimator + " " + ciMethod;
                    assertEquals(0, r.tau2(), what);
                    assertEquals(0, r.q(), what);
                    assertEquals(1, r.qPValue(), what);
                    assertEquals(0, r.i2(), what);
                    assertEquals(1, r.h2(), what);
                    assertEquals(100, r.cohorts().get(0).weight(), what);
                    assertClose(es.yi(), r.mu(), what);
                    assertClose(Math.sqrt(es.vi()), r.se(), what);
                    assertClose(transform.toProportion(es.yi() + z * Math.sqrt(es.vi()), 7), r.ciUpper(), what);
                    assertEquals(r.ciUpper(), r.piUpper(), what);
                    assertEquals(fixed.ciLower(), r.ciLower(), what);
                }
            }
        }
    }

    @Test
    void cohortsKeepTheirInputOrder() {
        PooledEstimate r = MetaAnalysis.pool(SLE, PoolingSettings.INVERSE_VARIANCE_DEFAULTS);
        for (int i = 0; i < SLE.size(); i++) {
            assertEquals(SLE.get(i).events(), r.cohorts().get(i).events());
            assertEquals(SLE.get(i).total(), r.cohorts().get(i).total());
        }
    }

    /** metafor's knha leaves identical cohorts no residual variance and a zero-width interval; ad hoc is used. */
    @Test
    void identicalCohortsTakeTheAdHocCorrectionUnderHartungKnapp() {
        List<EventCount> same = List.of(new EventCount(6, 20), new EventCount(6, 20), new EventCount(6, 20));
        PooledEstimate hk = MetaAnalysis.pool(same, PoolingSettings.INVERSE_VARIANCE_DEFAULTS);
        PooledEstimate adhoc = MetaAnalysis.pool(same,
                settings(Transform.LOGIT, PoolingModel.RANDOM, Tau2Estimator.REML, CiMethod.ADHOC));
        assertEquals(MetaAnalysis.ZERO_WIDTH_NOTE, hk.note());
        assertNull(adhoc.note());
        // Rescaling factor 1: the Wald standard error, sqrt(vi / k) with vi = 1/6 + 1/14.
        assertClose(Math.sqrt((1.0 / 6 + 1.0 / 14) / 3), hk.se(), "se");
        assertEquals(adhoc.se(), hk.se());
        assertEquals(adhoc.ciLower(), hk.ciLower());
        assertEquals(adhoc.ciUpper(), hk.ciUpper());
        assertEquals(adhoc.piLower(), hk.piLower());
        assertEquals(adhoc.piUpper(), hk.piUpper());
    }

    /** Only the zero-width case is switched: the SLE example's Hartung-Knapp interval is narrower than ad hoc's. */
    @Test
    void hartungKnappNarrowerThanWaldIsKept() {
        PooledEstimate hk = MetaAnalysis.pool(SLE, PoolingSettings.INVERSE_VARIANCE_DEFAULTS);
        PooledEstimate adhoc = MetaAnalysis.pool(SLE,
                settings(Transform.LOGIT, PoolingModel.RANDOM, Tau2Estimator.REML, CiMethod.ADHOC));
        assertNull(hk.note());
        assertTrue(hk.se() < adhoc.se(), hk.se() + " vs " + adhoc.se());
        assertClose(Math.sqrt(hk.q() / (SLE.size() - 1)) * adhoc.se(), hk.se(), "se");
    }

    @Test
    void noMethodGivesAZeroWidthInterval() {
        List<List<EventCount>> agreeing = List.of(
                List.of(new EventCount(1, 1), new EventCount(1, 1)),
                List.of(new EventCount(6, 20), new EventCount(6, 20), new EventCount(6, 20), new EventCount(6, 20)));
        for (List<EventCount> cohorts : agreeing) {
            for (Transform transform : Transform.values()) {
                for (PoolingModel model : PoolingModel.values()) {
                    for (Tau2Estimator estimator : Tau2Estimator.values()) {
                        for (CiMethod ciMethod : CiMethod.values()) {
                            boolean rescaled = ciMethod == CiMethod.HARTUNG_KNAPP || ciMethod == CiMethod.ADHOC;
                            if (model == PoolingModel.FIXED && rescaled) {
                                continue;
                            }
                            PooledEstimate r = MetaAnalysis.pool(cohorts,
                                    settings(transform, model, estimator, ciMethod));
                            String what = cohorts + " " + transform + " " + model + " " + estimator + " " + ciMethod;
                            assertTrue(r.se() > 0, what);
                            assertTrue(r.ciLower() < r.ciUpper(), what);
                            assertTrue(r.piLower() < r.piUpper(), what);
                        }
                    }
                }
            }
        }
    }
}
