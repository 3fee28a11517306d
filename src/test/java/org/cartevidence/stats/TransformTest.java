package org.cartevidence.stats;

import static org.cartevidence.stats.MetaAnalysisMetaforTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TransformTest {

    /** Expected: R's transf.ipft.hm(y, targs = list(ni = c(10, 20, 40))), harmonic mean 120 / 7. */
    @Test
    void arcsineBackTransformMatchesMetaforIncludingItsClamping() {
        double n = 3 / (1 / 10.0 + 1 / 20.0 + 1 / 40.0);
        double[] y = {-0.1, 0.1, 0.5, 1.0, 1.5, 1.6};
        double[] expected = {0, 0, 0.214704040937641, 0.719806099373264, 1, 1};
        for (int i = 0; i < y.length; i++) {
            assertClose(expected[i], Transform.ARCSINE.toProportion(y[i], n), "y = " + y[i]);
        }
    }

    @Test
    void backTransformInvertsEverySingleCohortEffectSize() {
        for (int events = 0; events <= 17; events++) {
            EventCount cohort = new EventCount(events, 17);
            double arcsine = Transform.ARCSINE.effectSize(cohort).yi();
            assertClose(cohort.proportion(), Transform.ARCSINE.toProportion(arcsine, 17), "arcsine " + events);
            if (events > 0 && events < 17) { // LOGIT and RAW add 1/2 at 0 and n events
                double logit = Transform.LOGIT.effectSize(cohort).yi();
                assertClose(cohort.proportion(), Transform.LOGIT.toProportion(logit, 17), "logit " + events);
                assertEquals(cohort.proportion(), Transform.RAW.effectSize(cohort).yi(), "raw " + events);
            }
        }
    }

    @Test
    void rawIsNotClampedToTheUnitInterval() {
        assertEquals(-0.1, Transform.RAW.toProportion(-0.1, 10));
        assertEquals(1.2, Transform.RAW.toProportion(1.2, 10));
    }

    @Test
    void continuityCorrectionOnlyForZeroOrAllEvents() {
        Transform.EffectSize logit = Transform.LOGIT.effectSize(new EventCount(0, 10));
        assertClose(Math.log(0.5 / 10.5), logit.yi(), "logit yi");
        assertClose(1 / 0.5 + 1 / 10.5, logit.vi(), "logit vi");
        Transform.EffectSize raw = Transform.RAW.effectSize(new EventCount(10, 10));
        assertClose(10.5 / 11, raw.yi(), "raw yi");
        assertClose(10.5 / 11 * (0.5 / 11) / 11, raw.vi(), "raw vi");
        assertClose(1 / 42.0, Transform.ARCSINE.effectSize(new EventCount(0, 10)).vi(), "arcsine vi");
        assertClose(4 / 10.0, Transform.RAW.effectSize(new EventCount(4, 10)).yi(), "no correction in between");
    }
}
