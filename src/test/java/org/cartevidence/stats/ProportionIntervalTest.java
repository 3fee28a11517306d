package org.cartevidence.stats;

import static org.cartevidence.stats.MetaAnalysisMetaforTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProportionIntervalTest {

    /** Expected values: R's prop.test(x, n, correct = FALSE) and binom.test(x, n). */
    @ParameterizedTest
    @CsvSource({
            "0,  10, 0.95, 0,                 0.277532799862889, 0,                 0.308497107818761",
            "10, 10, 0.95, 0.722467200137111, 1,                 0.691502892181239, 1",
            "5,  10, 0.95, 0.236593090512564, 0.763406909487436, 0.187086028447399, 0.812913971552601",
            "1,  1,  0.95, 0.206549314377238, 1,                 0.025,             1",
            "3,  7,  0.95, 0.158219855251470, 0.749541635472343, 0.098988278442508, 0.815948432359917",
            "3,  7,  0.90, 0.186443190363956, 0.710522908986407, 0.128756392804243, 0.774678415967552"})
    void matchesR(int events, int total, double level, double wilsonLower, double wilsonUpper,
                  double exactLower, double exactUpper) {
        EventCount cohort = new EventCount(events, total);
        Interval wilson = ProportionInterval.WILSON.of(cohort, level);
        Interval exact = ProportionInterval.CLOPPER_PEARSON.of(cohort, level);
        assertClose(wilsonLower, wilson.lower(), "Wilson lower");
        assertClose(wilsonUpper, wilson.upper(), "Wilson upper");
        assertClose(exactLower, exact.lower(), "Clopper-Pearson lower");
        assertClose(exactUpper, exact.upper(), "Clopper-Pearson upper");
    }

    @Test
    void boundsAreExactlyZeroAndOneAtTheExtremes() {
        for (ProportionInterval method : ProportionInterval.values()) {
            assertEquals(0.0, method.of(new EventCount(0, 13), 0.95).lower(), method.name());
            assertEquals(1.0, method.of(new EventCount(13, 13), 0.95).upper(), method.name());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN})
    void rejectsLevelsOutsideTheOpenUnitInterval(double level) {
        assertThrows(IllegalArgumentException.class, () -> ProportionInterval.WILSON.of(new EventCount(1, 2), level));
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> new EventCount(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> new EventCount(6, 5));
        assertThrows(IllegalArgumentException.class, () -> new EventCount(0, 0));
    }
}
