package org.cartevidence.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cartevidence.testing.ApiTest;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumService;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.CapabilityStatement;
import org.hl7.fhir.r5.model.Evidence;
import org.hl7.fhir.r5.model.Evidence.EvidenceStatisticAttributeEstimateComponent;
import org.hl7.fhir.r5.model.Evidence.EvidenceStatisticComponent;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.RelatedArtifact;
import org.hl7.fhir.r5.model.ResearchStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FHIR face over HTTP: every kind of resource it writes passes the official validator against the R5 base
 * profiles (see {@link R5Validator}), reads back with HAPI's strict parser, and the Evidence carries the numbers of
 * /evidence/pooled (its intervals' bounds rounded outward to 7 decimal places).
 */
@QuarkusTest
class FhirTest extends ApiTest {

    private static final String FHIR = "/api/v1/fhir";
    private static final String FHIR_JSON = "application/fhir+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FhirContext R5 = FhirContext.forR5Cached();

    /**
     * The warnings the validator gives that the answers keep, by message id, each with why. Any other warning, and
     * any error, fails the test.
     */
    private static final Map<String, String> EXPLAINED_WARNINGS = Map.of(
            // Best practice, not a rule: the answers are data for programs, and a narrative would only repeat the
            // fields in HTML.
            "http://hl7.org/fhir/StructureDefinition/DomainResource#dom-6", "no narrative",
            // Extensible bindings with no code for what the answer says: attribute-estimate-type has none for a
            // prediction interval, statistic-model-code none for a Wald-type or t interval or for pooled counts with
            // the exact interval. FHIR allows text alone there; the warning asks for a code that does not exist.
            "Terminology_TX_Code_ValueSet_Ext", "no code in an extensible value set");

    /**
     * Offline, the validator does not check a Quantity's UCUM code (it asks a terminology server, and there is none):
     * it warns that it could not. The warning is accepted for UCUM codes alone, and only when the UCUM library, with
     * its own definitions, finds the code valid (the proportions' 1, I²'s %).
     */
    private static final java.util.regex.Pattern UCUM_NOT_CHECKED = java.util.regex.Pattern.compile(
            "^WARNING\\|[^|]*\\|Unable to validate code '([^']*)' in system 'http://unitsofmeasure\\.org' because the "
                    + "validator is running without terminology services\\|"
                    + "Error_validating_code_running_without_terminology_services$");
    private static final UcumService UCUM = ucum();

    private static final Set<String> GROUPINGS = Set.of("none", "disease", "target", "cellSource", "geneEditing",
            "phase", "sourceType");

    @Test
    void researchStudyIsValidR5WithItsVersion() {
        long id = firstStudyWithRegistryId();
        Response response = given().accept(FHIR_JSON).get(FHIR + "/ResearchStudy/{id}", id);
        response.then().statusCode(200).contentType(FHIR_JSON);
        assertValid(response.asString());
        ResearchStudy study = parse(response.asString(), ResearchStudy.class);
        JsonNode view = read(given().get("/api/v1/studies/{id}", id).asString());
        long version = view.get("version").asLong();
        assertEquals("W/\"" + version + "\"", response.header("ETag"));
        assertEquals(Long.toString(version), study.getMeta().getVersionId());
        assertEquals(java.time.Instant.parse(view.get("updatedAt").asText()).toEpochMilli(),
                study.getMeta().getLastUpdated().getTime());
        assertEquals(view.get("title").asText(), study.getTitle());
        String nct = view.get("registryIds").get(0).asText();
        assertTrue(study.getIdentifier().stream().anyMatch(i -> "https://clinicaltrials.gov".equals(i.getSystem())
                && nct.equals(i.getValue())), "the NCT number with its registry");
        int enrolled = 0;
        for (JsonNode cohort : read(given().get("/api/v1/studies/{id}/cohorts?size=100", id).asString())
                .get("items")) {
            enrolled += cohort.get("enrolled").asInt();
        }
        assertEquals(enrolled, study.getRecruitment().getActualNumber());
        assertFalse(study.getComparisonGroup().isEmpty());

        given().accept(FHIR_JSON).header("If-None-Match", "W/\"" + version + "\"")
                .get(FHIR + "/ResearchStudy/{id}", id).then().statusCode(304);
    }

    @Test
    void studySearchIsAValidSearchsetWithTotalAndPageLinks() {
        JsonNode list = read(given().get("/api/v1/studies?disease=SLE&size=2&page=1").asString());
        Response response = given().accept(FHIR_JSON).get(FHIR + "/ResearchStudy?disease=SLE&size=2&page=1");
        response.then().statusCode(200).contentType(FHIR_JSON);
        assertValid(response.asString());
        Bundle bundle = parse(response.asString(), Bundle.class);
        assertEquals(Bundle.BundleType.SEARCHSET, bundle.getType());
        assertEquals(list.get("totalItems").asInt(), bundle.getTotal());
        assertEquals(list.get("items").size(), bundle.getEntry().size());
        assertTrue(bundle.getLink("previous").getUrl().contains("page=0"));
        assertTrue(bundle.getLink("next").getUrl().contains("page=2"));
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            assertEquals(list.get("items").get(i).get("id").asText(),
                    bundle.getEntry().get(i).getResource().getIdPart());
        }
    }

    /** Every study of the first page of the whole list, in one Bundle: the reference data among them. */
    @Test
    void everyListedStudyIsValidR5() {
        // The reference studies (each has a publication year, from 2021): studies other tests write to probe the
        // API's edges (a title of no-break spaces and control characters) are not this test's data.
        Response response = given().accept(FHIR_JSON).get(FHIR + "/ResearchStudy?size=100&yearFrom=2021&yearTo=2026");
        response.then().statusCode(200);
        assertValid(response.asString());
        assertTrue(parse(response.asString(), Bundle.class).getEntry().size() >= 24, "the reference studies");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "disease", "target", "cellSource", "geneEditing", "phase", "sourceType"})
    void evidenceForEachGroupingIsValidR5AndHasThePooledNumbers(String groupBy) {
        String query = "measure=REMISSION&groupBy=" + groupBy;
        assertTrue(GROUPINGS.contains(groupBy));
        agreesWithPooled(query);
    }

    /** The other models and methods: inverse variance (random and fixed), each interval method, the GLMM. */
    @ParameterizedTest
    @ValueSource(strings = {"measure=REMISSION&disease=SLE&disease=LUPUS_NEPHRITIS",
            "measure=REMISSION&method=inverse-variance&groupBy=disease",
            "measure=CRS_ANY&method=inverse-variance&model=fixed&ci=wald",
            "measure=CRS_GRADE_3_PLUS&method=inverse-variance&tau2=DL&ci=t&level=0.9",
            "measure=REMISSION&method=inverse-variance&tau2=PM&ci=adhoc&transform=arcsine&groupBy=target",
            "measure=REMISSION&disease=ULCERATIVE_COLITIS",
            "measure=REMISSION&cohorts=false"})
    void evidenceForEachModelIsValidR5AndHasThePooledNumbers(String query) {
        agreesWithPooled(query);
    }

    @Test
    void capabilityStatementIsValidR5() {
        Response response = given().accept(FHIR_JSON).get(FHIR + "/metadata");
        response.then().statusCode(200).contentType(FHIR_JSON);
        assertValid(response.asString());
        CapabilityStatement statement = parse(response.asString(), CapabilityStatement.class);
        assertEquals("5.0.0", statement.getFhirVersion().toCode());
        Map<String, List<String>> searches = statement.getRestFirstRep().getResource().stream().collect(
                Collectors.toMap(r -> r.getType(), r -> r.getSearchParam().stream().map(p -> p.getName()).toList()));
        assertEquals(Set.of("ResearchStudy", "Evidence"), searches.keySet());
        assertTrue(searches.get("Evidence").containsAll(List.of("measure", "groupBy", "method", "level")));
        assertTrue(searches.get("ResearchStudy").containsAll(List.of("disease", "phase", "page", "size")));
    }

    @Test
    void errorsAreValidOperationOutcomesWithTheApiStatusCodes() {
        int missing = given().get("/api/v1/studies/{id}", Long.MAX_VALUE).statusCode();
        Response notFound = given().accept(FHIR_JSON).get(FHIR + "/ResearchStudy/{id}", Long.MAX_VALUE);
        assertEquals(missing, notFound.statusCode());
        assertEquals(404, notFound.statusCode());
        outcome(notFound, OperationOutcome.IssueType.NOTFOUND);

        int refused = given().get("/api/v1/evidence/pooled?measure=REMISSION&level=2").statusCode();
        Response badLevel = given().accept(FHIR_JSON).get(FHIR + "/Evidence?measure=REMISSION&level=2");
        assertEquals(refused, badLevel.statusCode());
        assertEquals(400, badLevel.statusCode());
        outcome(badLevel, OperationOutcome.IssueType.INVALID);

        Response noMeasure = given().accept(FHIR_JSON).get(FHIR + "/Evidence");
        assertEquals(given().get("/api/v1/evidence/pooled").statusCode(), noMeasure.statusCode());
        outcome(noMeasure, OperationOutcome.IssueType.INVALID);

        Response badFilter = given().accept(FHIR_JSON).get(FHIR + "/ResearchStudy?phase=PHASE_9");
        assertEquals(given().get("/api/v1/studies?phase=PHASE_9").statusCode(), badFilter.statusCode());
        outcome(badFilter, OperationOutcome.IssueType.INVALID);
    }

    /** The problem answers of the rest of the API are unchanged. */
    @Test
    void errorsElsewhereStayProblemDetails() {
        given().get("/api/v1/studies/{id}", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static void outcome(Response response, OperationOutcome.IssueType type) {
        assertTrue(response.contentType().startsWith(FHIR_JSON), response.contentType());
        assertValid(response.asString());
        OperationOutcome outcome = parse(response.asString(), OperationOutcome.class);
        assertFalse(outcome.getIssue().isEmpty());
        outcome.getIssue().forEach(issue -> {
            assertEquals(OperationOutcome.IssueSeverity.ERROR, issue.getSeverity());
            assertEquals(type, issue.getCode());
            assertNotNull(issue.getDiagnostics());
        });
    }

    /** The Evidence Bundle for {@code query} validates, and each Evidence has its group's numbers from /pooled. */
    private static void agreesWithPooled(String query) {
        JsonNode pooled = read(given().get("/api/v1/evidence/pooled?" + query).then().statusCode(200).extract()
                .asString());
        Response response = given().accept(FHIR_JSON).get(FHIR + "/Evidence?" + query);
        response.then().statusCode(200).contentType(FHIR_JSON);
        assertValid(response.asString());
        Bundle bundle = parse(response.asString(), Bundle.class);
        assertEquals(Bundle.BundleType.SEARCHSET, bundle.getType());
        JsonNode groups = pooled.get("groups");
        assertEquals(groups.size(), bundle.getTotal());
        assertEquals(groups.size(), bundle.getEntry().size());
        for (int i = 0; i < groups.size(); i++) {
            JsonNode group = groups.get(i);
            Evidence evidence = (Evidence) bundle.getEntry().get(i).getResource();
            assertTrue(evidence.getTitle().endsWith(": " + group.get("label").asText()), evidence.getTitle());
            EvidenceStatisticComponent statistic = evidence.getStatisticFirstRep();
            assertEquals("C44256", statistic.getStatisticType().getCodingFirstRep().getCode());
            assertDecimal(group.get("estimate"), statistic.getQuantity().getValue());
            assertEquals(group.get("events").asInt(), statistic.getNumberOfEvents());
            assertEquals(group.get("total").asInt(), statistic.getSampleSize().getNumberOfParticipants());
            EvidenceStatisticAttributeEstimateComponent ci = estimate(statistic, "C53324");
            assertEquals(pooled.get("level").asDouble(), ci.getLevel().doubleValue());
            assertRange(group.get("ciLower"), group.get("ciUpper"), ci);
            EvidenceStatisticAttributeEstimateComponent pi = statistic.getAttributeEstimate().stream()
                    .filter(a -> "Prediction interval".equals(a.getType().getText())).findFirst().orElse(null);
            if (group.hasNonNull("piLower")) {
                assertNotNull(pi, "a prediction interval");
                assertRange(group.get("piLower"), group.get("piUpper"), pi);
            } else {
                assertNull(pi);
            }
            numberOrAbsent(group, "i2", estimate(statistic, "0000420"));
            numberOrAbsent(group, "tau2", estimate(statistic, "0000421"));
            String method = group.get("method").asText();
            List<String> model = statistic.getModelCharacteristic().stream()
                    .map(m -> m.getCode().getCodingFirstRep().getCode()).toList();
            switch (method) {
                case "glmm" -> assertTrue(model.contains("poolGeneralizedLinearMixedModel"), model.toString());
                case "inverse-variance" -> assertTrue(model.contains("poolInverseVariance"), model.toString());
                default -> assertEquals("exact-binomial", method);
            }
            JsonNode cohorts = group.get("cohorts");
            List<String> cited = evidence.getRelatedArtifact().stream()
                    .filter(a -> a.getType() == RelatedArtifact.RelatedArtifactType.DERIVEDFROM)
                    .map(a -> a.getResourceReference().getReference()).toList();
            if (cohorts == null) {
                assertTrue(cited.isEmpty());
                assertFalse(statistic.getSampleSize().hasNumberOfStudies());
            } else {
                Set<String> studies = new java.util.TreeSet<>();
                cohorts.forEach(c -> studies.add(c.get("studyId").asText()));
                assertEquals(studies.size(), statistic.getSampleSize().getNumberOfStudies());
                assertEquals(studies, cited.stream().map(r -> r.substring(r.lastIndexOf('/') + 1))
                        .collect(Collectors.toCollection(java.util.TreeSet::new)));
                cited.forEach(r -> assertTrue(r.contains(FHIR + "/ResearchStudy/"), r));
            }
        }
    }

    private static void numberOrAbsent(JsonNode group, String field, EvidenceStatisticAttributeEstimateComponent a) {
        if (group.hasNonNull(field)) {
            assertNotNull(a, field);
            assertDecimal(group.get(field), a.getQuantity().getValue());
        } else {
            assertNull(a, field);
        }
    }

    /**
     * The FHIR decimal holds the pooled answer's number: the same decimal digits, rounded only where the number has
     * more than the 17 decimal places a FHIR decimal takes (then less than 1e-17 away).
     */
    private static void assertDecimal(JsonNode pooled, java.math.BigDecimal fhir) {
        java.math.BigDecimal expected = new java.math.BigDecimal(pooled.asText());
        if (expected.scale() > PooledEvidence.MAX_DECIMAL_PLACES) {
            expected = expected.setScale(PooledEvidence.MAX_DECIMAL_PLACES, java.math.RoundingMode.HALF_EVEN);
            assertTrue(Math.abs(expected.doubleValue() - pooled.asDouble()) < 1e-17, pooled.asText());
        }
        assertEquals(0, expected.compareTo(fhir), pooled.asText() + " written as " + fhir);
    }

    /**
     * The interval's range holds the pooled answer's bounds, rounded outward to 7 decimal places: the low bound
     * down, the high bound up (a bound of 7 places or fewer as it is), so each is at most 1e-7 from the pooled
     * number and the range contains the pooled interval.
     */
    private static void assertRange(JsonNode lower, JsonNode upper, EvidenceStatisticAttributeEstimateComponent a) {
        assertBound(lower, a.getRange().getLow().getValue(), java.math.RoundingMode.FLOOR);
        assertBound(upper, a.getRange().getHigh().getValue(), java.math.RoundingMode.CEILING);
    }

    private static void assertBound(JsonNode pooled, java.math.BigDecimal fhir, java.math.RoundingMode outward) {
        java.math.BigDecimal exact = new java.math.BigDecimal(pooled.asText());
        java.math.BigDecimal expected = exact.scale() > PooledEvidence.RANGE_DECIMAL_PLACES
                ? exact.setScale(PooledEvidence.RANGE_DECIMAL_PLACES, outward) : exact;
        assertEquals(0, expected.compareTo(fhir), pooled.asText() + " written as " + fhir);
        assertTrue(fhir.scale() <= PooledEvidence.RANGE_DECIMAL_PLACES, fhir.toPlainString());
        assertTrue(fhir.subtract(exact).abs().compareTo(new java.math.BigDecimal("1e-7")) < 0, fhir.toPlainString());
        int side = fhir.compareTo(exact);
        assertTrue(outward == java.math.RoundingMode.FLOOR ? side <= 0 : side >= 0, "outward: " + fhir);
    }

    private static EvidenceStatisticAttributeEstimateComponent estimate(EvidenceStatisticComponent statistic,
            String code) {
        return statistic.getAttributeEstimate().stream()
                .filter(a -> a.getType().hasCoding() && code.equals(a.getType().getCodingFirstRep().getCode()))
                .findFirst().orElse(null);
    }

    private static long firstStudyWithRegistryId() {
        for (JsonNode study : read(given().get("/api/v1/studies?size=100").asString()).get("items")) {
            if (study.get("registryIds").size() > 0 && study.get("registryIds").get(0).asText().startsWith("NCT")) {
                return study.get("id").asLong();
            }
        }
        return fail("the reference data has studies with NCT numbers");
    }

    /**
     * Fails on any error of the validator and on any warning not explained above. References are resolved against
     * the service itself.
     */
    private static void assertValid(String json) {
        List<String> unexplained = R5Validator.get().validate(json, FhirTest::fetch).stream()
                .filter(m -> !m.startsWith("INFORMATION|"))
                .filter(m -> !(m.startsWith("WARNING|") && EXPLAINED_WARNINGS.containsKey(m.substring(
                        m.lastIndexOf('|') + 1))))
                .filter(m -> !validUcumCode(m))
                .toList();
        if (!unexplained.isEmpty()) {
            fail("the validator objects:\n" + String.join("\n", unexplained) + "\nin " + json);
        }
    }

    /** The validator's warning that it could not check a UCUM code, for a code the UCUM library finds valid. */
    private static boolean validUcumCode(String message) {
        java.util.regex.Matcher unchecked = UCUM_NOT_CHECKED.matcher(message);
        return unchecked.matches() && UCUM.validate(unchecked.group(1)) == null;
    }

    private static UcumService ucum() {
        try (java.io.InputStream essence = FhirTest.class.getResourceAsStream("/ucum-essence.xml")) {
            return new UcumEssenceService(essence);
        } catch (IOException | UcumException e) {
            throw new IllegalStateException("UCUM's definitions", e);
        }
    }

    /** A URL of this service's FHIR face, read over HTTP; nothing else is fetched. */
    private static String fetch(String url) {
        String base = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + FHIR + "/";
        if (!url.startsWith(base)) {
            return null;
        }
        Response response = given().accept(FHIR_JSON).get(url);
        return response.statusCode() == 200 ? response.asString() : null;
    }

    private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(String json, Class<T> type) {
        IParser parser = R5.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(type, json);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
