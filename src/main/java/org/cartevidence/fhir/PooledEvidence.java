package org.cartevidence.fhir;

import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cartevidence.api.Labels;
import org.cartevidence.cohort.Disease;
import org.cartevidence.evidence.PooledResult;
import org.hl7.fhir.r5.model.Annotation;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.DecimalType;
import org.hl7.fhir.r5.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r5.model.Evidence;
import org.hl7.fhir.r5.model.Evidence.EvidenceStatisticAttributeEstimateComponent;
import org.hl7.fhir.r5.model.Evidence.EvidenceStatisticComponent;
import org.hl7.fhir.r5.model.Quantity;
import org.hl7.fhir.r5.model.Range;
import org.hl7.fhir.r5.model.Reference;
import org.hl7.fhir.r5.model.RelatedArtifact;

/**
 * A pooled analysis as R5 Evidence, one per group: the same numbers as the pooled answer, written as decimals of the
 * same doubles, so that reading one back gives the double again; the intervals' bounds alone are rounded outward to
 * 7 decimal places (see {@link #bound}).
 */
final class PooledEvidence {

    static final String STATISTIC_TYPE = "http://terminology.hl7.org/CodeSystem/statistic-type";
    static final String ESTIMATE_TYPE = "http://terminology.hl7.org/CodeSystem/attribute-estimate-type";
    static final String MODEL_CODE = "http://hl7.org/fhir/statistic-model-code";
    static final String VARIABLE_ROLE = "http://terminology.hl7.org/CodeSystem/variable-role";
    static final String UCUM = "http://unitsofmeasure.org";

    /** The most decimal places a FHIR decimal has (its regular expression in the R5 specification). */
    static final int MAX_DECIMAL_PLACES = 17;

    /** The decimal places of an interval's bounds (see {@link #bound}). */
    static final int RANGE_DECIMAL_PLACES = 7;

    private PooledEvidence() {
    }

    static Bundle bundle(PooledResult result, List<Disease> diseases, UriInfo uri) {
        Bundle bundle = SearchBundles.of(uri, result.groups().size());
        String base = uri.getBaseUriBuilder().path("api/v1/fhir/ResearchStudy").build().toString();
        for (PooledResult.Group group : result.groups()) {
            // No stored Evidence has an id: each is named by the question and its group, the same on every ask.
            UUID id = UUID.nameUUIDFromBytes((uri.getRequestUri() + "#" + group.group())
                    .getBytes(StandardCharsets.UTF_8));
            Evidence evidence = of(result, group, diseases, base);
            evidence.setId(id.toString());
            SearchBundles.add(bundle, "urn:uuid:" + id, evidence);
        }
        return bundle;
    }

    static Evidence of(PooledResult result, PooledResult.Group group, List<Disease> diseases, String studyBase) {
        String measure = Labels.of(result.measure());
        Evidence evidence = new Evidence().setStatus(PublicationStatus.ACTIVE)
                .setTitle(measure + ": " + group.label());
        evidence.addVariableDefinition()
                .setDescription(population(diseases, result.groupBy(), group.label()))
                .setVariableRole(concept(VARIABLE_ROLE, "population", "population"));
        evidence.addVariableDefinition()
                .setDescription("CAR-T cell therapy")
                .setVariableRole(concept(VARIABLE_ROLE, "exposure", "exposure"));
        evidence.addVariableDefinition()
                .setDescription(measure + " (" + result.measure().name() + "): the share of a cohort's patients with "
                        + "the outcome, at " + (result.timepointMonths() == null ? "each cohort's latest report"
                                : result.timepointMonths() + " months"))
                .setVariableRole(concept(VARIABLE_ROLE, "measuredVariable", "measured variable"));

        EvidenceStatisticComponent statistic = evidence.addStatistic()
                .setDescription("Pooled proportion of " + group.k() + (group.k() == 1 ? " cohort" : " cohorts"))
                .setStatisticType(concept(STATISTIC_TYPE, "C44256", "Proportion"))
                .setQuantity(dimensionless(decimal(group.estimate())))
                .setNumberOfEvents(group.events());
        if (group.note() != null) {
            statistic.addNote(new Annotation().setText(group.note()));
        }
        statistic.getSampleSize()
                .setDescription(group.k() + (group.k() == 1 ? " cohort" : " cohorts"))
                .setNumberOfParticipants(group.total());
        Map<Long, String> studies = contributingStudies(group);
        if (group.cohorts() != null) {
            statistic.getSampleSize().setNumberOfStudies(studies.size());
        }

        statistic.addAttributeEstimate(interval(concept(ESTIMATE_TYPE, "C53324", "Confidence interval"),
                result.level(), group.ciLower(), group.ciUpper()));
        if (group.piLower() != null && group.piUpper() != null) {
            // attribute-estimate-type has no code for a prediction interval (the binding is extensible): text alone.
            statistic.addAttributeEstimate(interval(new CodeableConcept().setText("Prediction interval"),
                    result.level(), group.piLower(), group.piUpper()));
        }
        if (group.i2() != null) {
            statistic.addAttributeEstimate().setType(concept(ESTIMATE_TYPE, "0000420", "I-squared"))
                    .setQuantity(new Quantity().setValueElement(decimal(group.i2())).setUnit("%").setSystem(UCUM)
                            .setCode("%"));
        }
        if (group.tau2() != null) {
            statistic.addAttributeEstimate().setType(concept(ESTIMATE_TYPE, "0000421", "Tau squared"))
                    .setDescription("Between-cohort variance on the " + scale(result, group) + " scale")
                    .setQuantity(dimensionless(decimal(group.tau2())));
        }
        model(statistic, result, group);

        studies.forEach((id, key) -> evidence.addRelatedArtifact(new RelatedArtifact()
                .setType(RelatedArtifact.RelatedArtifactType.DERIVEDFROM)
                .setLabel(key)
                .setResourceReference(new Reference(studyBase + "/" + id).setDisplay(key))));
        return evidence;
    }

    /** The model, the pooling method, the τ² estimator and the interval method, as statistic-model-code names them. */
    private static void model(EvidenceStatisticComponent statistic, PooledResult result, PooledResult.Group group) {
        boolean random = "random".equals(result.model());
        switch (group.method()) {
            case "exact-binomial" -> {
                statistic.addModelCharacteristic().setCode(new CodeableConcept().setText(
                        "Pooled counts with the exact (Clopper-Pearson) interval"));
                return;
            }
            case "glmm" -> statistic.addModelCharacteristic().setCode(concept(MODEL_CODE,
                    "poolGeneralizedLinearMixedModel", "Generalized linear mixed model (GLMM)")
                    .setText("Binomial-normal GLMM (random-intercept logistic model)"));
            default -> statistic.addModelCharacteristic().setCode(concept(MODEL_CODE, "poolInverseVariance",
                    "Inverse variance method").setText("Inverse variance, " + result.transform() + " transform"));
        }
        statistic.addModelCharacteristic().setCode(random
                ? concept(MODEL_CODE, "effectsRandom", "Random-effects")
                : concept(MODEL_CODE, "effectsFixed", "Fixed-effects"));
        if (random && result.tau2Estimator() != null) {
            statistic.addModelCharacteristic().setCode(switch (result.tau2Estimator()) {
                case "ML" -> concept(MODEL_CODE, "tauMaximumLikelihood", "Maximum Likelihood method");
                case "REML" -> concept(MODEL_CODE, "tauRestrictedMaximumLikelihood",
                        "Restricted Maximum Likelihood method");
                case "DL" -> concept(MODEL_CODE, "tauDersimonianLaird", "Dersimonian-Laird method");
                case "PM" -> concept(MODEL_CODE, "tauPauleMandel", "Paule-Mandel method");
                default -> new CodeableConcept().setText("τ² by " + result.tau2Estimator());
            });
        }
        statistic.addModelCharacteristic().setCode(switch (result.ci()) {
            case "hartung-knapp" -> concept(MODEL_CODE, "hartungKnapp", "Hartung-Knapp adjustment");
            case "adhoc" -> concept(MODEL_CODE, "modifiedHartungKnapp", "Modified Hartung-Knapp adjustment");
            case "t" -> new CodeableConcept().setText("Interval from the t distribution on k - 1 degrees of freedom");
            default -> new CodeableConcept().setText("Wald-type interval (normal distribution)");
        });
    }

    private static String scale(PooledResult result, PooledResult.Group group) {
        return "glmm".equals(group.method()) ? "logit" : result.transform();
    }

    /** The studies the group's cohorts come from, by id, with their keys; empty when cohorts were not listed. */
    private static Map<Long, String> contributingStudies(PooledResult.Group group) {
        if (group.cohorts() == null) {
            return Map.of();
        }
        return group.cohorts().stream().collect(Collectors.toMap(PooledResult.CohortResult::studyId,
                PooledResult.CohortResult::studyKey, (a, b) -> a, LinkedHashMap::new));
    }

    private static String population(List<Disease> diseases, String groupBy, String groupLabel) {
        String patients = diseases == null || diseases.isEmpty() ? "Patients with autoimmune disease"
                : "Patients with " + diseases.stream().map(Labels::of).collect(Collectors.joining(" or "));
        return "none".equals(groupBy) ? patients : patients + "; " + groupBy + ": " + groupLabel;
    }

    private static EvidenceStatisticAttributeEstimateComponent interval(CodeableConcept type, double level,
            double lower, double upper) {
        return new EvidenceStatisticAttributeEstimateComponent().setType(type).setLevel(BigDecimal.valueOf(level))
                .setRange(new Range()
                        .setLow(dimensionless(bound(lower, RoundingMode.FLOOR)))
                        .setHigh(dimensionless(bound(upper, RoundingMode.CEILING))));
    }

    /**
     * A number without dimension (a proportion; τ², a variance on the logit or arcsine scale) in UCUM's unit 1.
     * The unit makes a range's bounds comparable: FHIRPath's comparable(), which R5's rng-2 (low <= high) asks
     * first, is false for quantities without a UCUM code, and the invariant then holds whatever the bounds.
     */
    private static Quantity dimensionless(DecimalType value) {
        return new Quantity().setValueElement(value).setSystem(UCUM).setCode("1");
    }

    /**
     * An interval's bound to {@value #RANGE_DECIMAL_PLACES} decimal places, rounded outward ({@code FLOOR} for the
     * low bound, {@code CEILING} for the high one), so that the written range holds the computed interval and is
     * at most 1e-7 wider on each side.
     * <p>
     * Why not every digit: R5's invariant rng-2 (low <= high) compares {@code low.lowBoundary()} with
     * {@code high.highBoundary()}, which take a decimal to FHIRPath's default precision of 8 decimal places. HL7's
     * FHIR core (org.hl7.fhir.utilities 6.7, the official validator's) rounds the 8th decimal digit up there without
     * carrying: a bound whose 8th decimal digit is 9, followed by 5 or more (or by nothing), becomes a digit ':'
     * (0.123456796 gives "0.1234567:"), so a validator cannot read it back and cannot check the range: one bound
     * in twenty, as digits go. A bound of at most 7 decimal places needs no rounding at 8 and is checked like any
     * other.
     */
    static DecimalType bound(double value, RoundingMode outward) {
        BigDecimal exact = new BigDecimal(Double.toString(value));
        if (exact.scale() > RANGE_DECIMAL_PLACES) {
            // A low bound of 0.10000000000000003 is written 0.1, a high bound of 0.99999999 1.0.
            exact = exact.setScale(RANGE_DECIMAL_PLACES, outward).stripTrailingZeros();
            if (exact.scale() < 1) {
                exact = exact.setScale(1);
            }
        }
        DecimalType decimal = new DecimalType();
        decimal.setValueAsString(exact.toPlainString());
        return decimal;
    }

    /**
     * The double's shortest decimal, which parsing gives back as the same double; FHIR decimals take at most 17
     * decimal places, so a small value with more (0.025000000000000022) is rounded there (0.02500000000000002, less
     * than 1e-17 away). Exponent form would keep every digit, but validators compare such quantities wrongly.
     */
    static DecimalType decimal(double value) {
        BigDecimal exact = new BigDecimal(Double.toString(value));
        if (exact.scale() > MAX_DECIMAL_PLACES) {
            exact = exact.setScale(MAX_DECIMAL_PLACES, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        DecimalType decimal = new DecimalType();
        decimal.setValueAsString(exact.toPlainString());
        return decimal;
    }

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }
}
