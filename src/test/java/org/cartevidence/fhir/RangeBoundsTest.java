package org.cartevidence.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Why an interval's bounds are written to 7 decimal places ({@link PooledEvidence#bound}), with the official
 * validator itself: it checks R5's rng-2 (low <= high) on such ranges, and cannot check it on a bound whose 8th
 * decimal digit is a 9 rounded up.
 */
class RangeBoundsTest {

    /**
     * With UCUM's unit 1 on both bounds, as the service writes them; without a unit, FHIRPath's comparable() is false
     * and rng-2 holds whatever the bounds are.
     */
    @Test
    void theValidatorChecksLowAgainstHigh() {
        List<String> errors = errors(evidence("0.9", "0.1"));
        assertTrue(errors.stream().anyMatch(e -> e.contains("rng-2") && e.contains("lower value than high")),
                errors.toString());
        String unitless = evidence("0.9", "0.1")
                .replace(", \"system\": \"http://unitsofmeasure.org\", \"code\": \"1\"", "");
        assertFalse(unitless.contains("unitsofmeasure"));
        assertEquals(List.of(), errors(unitless), "no unit, no comparison");
    }

    /**
     * The reason for the rounding, as the validator 6.7 answers it: high.highBoundary() of 0.12345679 at 8 decimal
     * places is "0.1234567:", which it cannot read back, so rng-2 fails without being evaluated. Should a validator
     * read it, this test fails, and the bounds could keep every digit again.
     */
    @Test
    void theValidatorCannotCheckABoundWhose8thDecimalIsARoundedUpNine() {
        List<String> errors = errors(evidence("0.1", "0.12345679"));
        assertTrue(errors.stream().anyMatch(e -> e.contains("rng-2") && e.contains("is neither a decimal digit")),
                errors.toString());
        assertTrue(errors(evidence("0.1", "0.12345678")).isEmpty(), "the same range with an 8 in the 8th place");
    }

    @Test
    void boundsAreRoundedOutwardTo7PlacesAndChecked() {
        double low = 0.0123456789;
        double high = 0.123456796;
        String lowText = PooledEvidence.bound(low, RoundingMode.FLOOR).getValueAsString();
        String highText = PooledEvidence.bound(high, RoundingMode.CEILING).getValueAsString();
        assertEquals("0.0123456", lowText);
        assertEquals("0.1234568", highText);
        assertEquals(List.of(), errors(evidence(lowText, highText)));
        assertEquals("0.1", PooledEvidence.bound(0.1, RoundingMode.CEILING).getValueAsString(), "7 places or fewer");
        assertEquals("0.1", PooledEvidence.bound(0.10000000000000003, RoundingMode.FLOOR).getValueAsString());
        assertEquals("1.0", PooledEvidence.bound(0.99999999, RoundingMode.CEILING).getValueAsString());
        assertEquals("0.0", PooledEvidence.bound(1e-10, RoundingMode.FLOOR).getValueAsString());
        for (double value : new double[] {low, high, 0.5, 1e-10, 0.99999999, 0.98765432109876}) {
            BigDecimal floor = PooledEvidence.bound(value, RoundingMode.FLOOR).getValue();
            BigDecimal ceiling = PooledEvidence.bound(value, RoundingMode.CEILING).getValue();
            BigDecimal exact = new BigDecimal(Double.toString(value));
            assertTrue(floor.compareTo(exact) <= 0 && exact.compareTo(ceiling) <= 0, Double.toString(value));
            assertTrue(ceiling.subtract(floor).compareTo(new BigDecimal("1e-7")) <= 0, Double.toString(value));
        }
    }

    private static String evidence(String low, String high) {
        return """
                {"resourceType": "Evidence", "status": "active", "variableDefinition": [{"variableRole": {"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/variable-role", "code": "population"}]}}],
                "statistic": [{"attributeEstimate": [{"range": {
                "low": {"value": %s, "system": "http://unitsofmeasure.org", "code": "1"},
                "high": {"value": %s, "system": "http://unitsofmeasure.org", "code": "1"}}}]}]}""".formatted(low, high);
    }

    /** The validator's errors about this JSON (its warnings aside: this Evidence has no narrative, say). */
    private static List<String> errors(String json) {
        return R5Validator.get().validate(json, url -> null).stream()
                .filter(m -> m.startsWith("ERROR|") || m.startsWith("FATAL|")).toList();
    }
}
