package org.cartevidence.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cartevidence.cohort.Disease;
import org.cartevidence.testing.ReferenceCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The pooled estimates and forest plot over this class's own copy of the reference studies: every query names the
 * copy's country, so the numbers compared with metafor hold whatever other tests add.
 */
@QuarkusTest
class PooledEvidenceTest {

    private static final String POOLED = "/api/v1/evidence/pooled";
    private static final String FOREST = "/api/v1/evidence/forest.svg";
    private static final Set<String> SLE_COHORTS = Set.of("mueller-2024-nejm/SLE",
            "krickau-2024-lancet/Lupus nephritis (paediatric)", "wang-2025-med/SLE",
            "yts109-2025-nat-med/Lupus nephritis",
            "feng-2025-nat-med/SLE", "bcma-cd19-ccar-2024-ann-rheum-dis/Lupus nephritis",
            "reset-sle-2025/SLE (non-renal)", "reset-sle-2025/Lupus nephritis", "ecnu-2025-news-allogeneic-sle/SLE");
    /** A query that matches nothing whatever other tests add: no year is at least 2025 and at most 2024. */
    private static final String NOTHING = "measure=REMISSION&yearFrom=2025&yearTo=2024";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** This class's own copy of the reference studies, in a country of its own. */
    private static ReferenceCopy reference() {
        return ReferenceCopy.of(PooledEvidenceTest.class);
    }

    /** The copy's cohorts: whatever other tests write, the queries below see these and no other. */
    private static String own() {
        return "country=" + reference().country();
    }

    /** The README's example: remission in SLE and lupus nephritis. */
    private static String sle() {
        return "measure=REMISSION&disease=SLE&disease=LUPUS_NEPHRITIS&" + own();
    }

    /** The default, the GLMM, on the README's nine cohorts: rma.glmm's numbers (glmm-reference.R, sle-9). */
    @Test
    void sleRemissionByGlmmAgreesWithRmaGlmm() {
        PooledResult result = pooled(sle());
        assertEquals("glmm", result.method());
        assertEquals("random", result.model());
        assertEquals("ML", result.tau2Estimator());
        assertEquals("logit", result.transform());
        assertEquals("wald", result.ci());
        PooledResult.Group all = result.groups().get(0);
        assertEquals(SLE_COHORTS, keys(all));
        assertEquals("glmm", all.method());
        assertNull(all.note());
        assertEquals("All cohorts", all.label());
        assertEquals(0.889720, all.estimate(), 1e-4);
        assertEquals(0.645180, all.ciLower(), 1e-4);
        assertEquals(0.972824, all.ciUpper(), 1e-4);
        assertEquals(0.336152, all.piLower(), 1e-4);
        assertEquals(0.992281, all.piUpper(), 1e-4);
        assertEquals(2.087885, all.mu(), 1e-4);
        assertEquals(1.417142, all.tau2(), 1.5e-3);
        assertEquals(5.571933, all.q(), 1e-4);
        assertEquals(14.243845, all.qLrt(), 1e-4);
        assertEquals(0.075627, all.qLrtPValue(), 1e-4);
        assertEquals(50.224, all.i2(), 1e-2);
        assertEquals(100, all.cohorts().stream().mapToDouble(PooledResult.CohortResult::weight).sum(), 1e-9);
        assertEquals("Systemic lupus erythematosus", all.cohorts().stream()
                .filter(c -> c.disease() == Disease.SLE).findFirst().orElseThrow().diseaseLabel());
    }

    /** Where the GLMM cannot be estimated, the exact answer and a note; never an interval of zero width. */
    @Test
    void aSingleCohortOrAllEventsAnswerTheExactInterval() {
        PooledResult result = pooled("measure=REMISSION&groupBy=disease&" + own());
        for (PooledResult.Group group : result.groups()) {
            assertTrue(group.ciUpper() - group.ciLower() > 0.01, group.group() + ": " + group.ciLower() + " to "
                    + group.ciUpper());
            boolean estimable = group.k() > 1 && group.events() > 0 && group.events() < group.total();
            if (!estimable) {
                assertEquals("exact-binomial", group.method(), group.group());
                assertNotNull(group.note(), group.group());
                assertNull(group.tau2(), group.group());
                assertNull(group.piLower(), group.group());
                assertEquals((double) group.events() / group.total(), group.estimate(), 1e-12);
            }
        }
    }

    @Test
    void sleRemissionAgreesWithMetafor() {
        PooledResult result = pooled(sle() + "&method=inverse-variance");
        assertEquals("none", result.groupBy());
        assertEquals("inverse-variance", result.method());
        assertEquals("random", result.model());
        assertEquals("REML", result.tau2Estimator());
        assertEquals("logit", result.transform());
        assertEquals("hartung-knapp", result.ci());
        assertEquals(0.95, result.level());
        assertEquals("wilson", result.cohortCi());
        assertFalse(result.includeSuperseded());
        assertNull(result.timepointMonths());
        assertEquals(1, result.groups().size());

        PooledResult.Group all = result.groups().get(0);
        assertEquals("all", all.group());
        assertEquals(SLE_COHORTS, keys(all), "the README's nine cohorts, and no other");
        assertEquals(9, all.k());
        assertEquals(46, all.events());
        assertEquals(54, all.total());
        assertEquals(0.8025, all.estimate(), 1e-4);
        assertEquals(0.6357, all.ciLower(), 1e-4);
        assertEquals(0.9044, all.ciUpper(), 1e-4);
        assertEquals(0.6357, all.piLower(), 1e-4);
        assertEquals(0.9044, all.piUpper(), 1e-4);
        assertEquals(0, all.tau2(), 1e-9);
        assertEquals(0, all.i2(), 1e-9);
        assertEquals(1, all.h2(), 1e-9);
        assertEquals(7.4622, all.q(), 1e-4);
        assertEquals(0.4877, all.qPValue(), 1e-4);
        assertEquals(100, all.cohorts().stream().mapToDouble(PooledResult.CohortResult::weight).sum(), 1e-9);

        assertEquals(List.of("bcma-cd19-ccar-2024-ann-rheum-dis/Lupus nephritis",
                "krickau-2024-lancet/Lupus nephritis (paediatric)", "mueller-2024-nejm/SLE",
                "ecnu-2025-news-allogeneic-sle/SLE", "feng-2025-nat-med/SLE", "reset-sle-2025/Lupus nephritis",
                "reset-sle-2025/SLE (non-renal)", "wang-2025-med/SLE", "yts109-2025-nat-med/Lupus nephritis"),
                all.cohorts().stream().map(c -> reference().referenceKey(c.studyKey()) + "/" + c.label()).toList(),
                "by publication year, study key, cohort label");
        PooledResult.CohortResult feng = all.cohorts().stream()
                .filter(c -> reference().referenceKey(c.studyKey()).equals("feng-2025-nat-med")).findFirst().orElseThrow();
        assertEquals(12, feng.events());
        assertEquals(15, feng.total());
        assertEquals(0.8, feng.proportion(), 1e-12);
        assertEquals(2.8, feng.timepointMonths());
        assertTrue(feng.ciLower() < 0.8 && feng.ciUpper() > 0.8);
    }

    @Test
    void supersededCohortsOnlyWhenAsked() {
        Set<String> current = keys(pooled(sle()).groups().get(0));
        PooledResult.Group withSuperseded = pooled(sle() + "&includeSuperseded=true").groups().get(0);
        Set<String> added = keys(withSuperseded);
        added.removeAll(current);
        assertEquals(Set.of("mackensen-2022-nat-med/SLE", "mougiakakos-2021-nejm/Lupus nephritis"), added);
        assertEquals(current.size() + 2, withSuperseded.k());
    }

    @Test
    void timepointSelectsOutcomesAtExactlyThatTime() {
        PooledResult result = pooled(sle() + "&includeSuperseded=true&timepointMonths=3");
        assertEquals(3.0, result.timepointMonths());
        PooledResult.Group group = result.groups().get(0);
        assertTrue(keys(group).containsAll(
                Set.of("mackensen-2022-nat-med/SLE", "yts109-2025-nat-med/Lupus nephritis")));
        assertFalse(keys(group).contains("feng-2025-nat-med/SLE"), "Feng reports 2.8 months");
        group.cohorts().forEach(c -> assertEquals(3.0, c.timepointMonths()));
    }

    @Test
    void groupsSplitTheCohorts() {
        int k = pooled(sle()).groups().get(0).k();
        PooledResult bySource = pooled(sle() + "&groupBy=cellSource");
        assertEquals("cellSource", bySource.groupBy());
        assertEquals(List.of("ALLOGENEIC", "AUTOLOGOUS"), groupNames(bySource));
        assertEquals(k, bySource.groups().stream().mapToInt(PooledResult.Group::k).sum());

        // ECNU's report does not say whether the cells were edited.
        PooledResult byEditing = pooled(sle() + "&groupBy=GENEEDITING");
        assertTrue(groupNames(byEditing).contains(GroupBy.UNKNOWN));
        assertTrue(byEditing.groups().stream().filter(g -> g.group().equals(GroupBy.UNKNOWN)).findFirst().orElseThrow()
                .cohorts().stream().anyMatch(c -> reference().referenceKey(c.studyKey()).equals("ecnu-2025-news-allogeneic-sle")));
    }

    @Test
    void optionsAreEchoedAndMatchedCaseInsensitively() {
        PooledResult fixed = pooled(sle() + "&method=Inverse-Variance&model=FIXED&transform=Arcsine&cohortCi=exact"
                + "&level=0.9");
        assertEquals("fixed", fixed.model());
        assertEquals("wald", fixed.ci(), "the fixed model's default interval");
        assertNull(fixed.tau2Estimator(), "no τ² estimator in a fixed model");
        assertEquals("arcsine", fixed.transform());
        assertEquals("exact", fixed.cohortCi());
        assertEquals(0.9, fixed.level());
        assertEquals(0, fixed.groups().get(0).tau2());

        PooledResult dl = pooled(sle() + "&method=inverse-variance&tau2=dl&ci=WALD");
        assertEquals("DL", dl.tau2Estimator());
        assertEquals("wald", dl.ci());
    }

    @ParameterizedTest
    @CsvSource({
            "groupBy=disease, measure",
            "measure=SOMETHING, measure",
            "measure=REMISSION&model=bayesian, model",
            "measure=REMISSION&tau2=SJ, tau2",
            "measure=REMISSION&level=1.5, level",
            "measure=REMISSION&level=0, level",
            "measure=REMISSION&level=NaN, level",
            "measure=REMISSION&model=fixed&ci=hartung-knapp, ci",
            "measure=REMISSION&method=inverse-variance&model=fixed&ci=adhoc, ci",
            "measure=REMISSION&method=bayesian, method",
            "measure=REMISSION&tau2=DL, tau2",
            "measure=REMISSION&transform=arcsine, transform",
            "measure=REMISSION&ci=hartung-knapp, ci",
            "measure=REMISSION&method=glmm&ci=adhoc, ci",
            "measure=REMISSION&groupBy=country, groupBy",
            "measure=REMISSION&format=xml, format",
            "measure=REMISSION&disease=LUPUS, disease",
            "measure=REMISSION&timepointMonths=soon, timepointMonths"})
    void badParametersAreProblemsNamingThem(String query, String parameter) {
        for (String path : List.of(POOLED, FOREST)) {
            if (path.equals(FOREST) && parameter.equals("format")) {
                continue; // the plot has a single format
            }
            given().get(path + "?" + query)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", is(400))
                    .body("errors[0].field", is(parameter));
        }
    }

    @Test
    void noMatchingCohortIsAnEmptyList() {
        given().get(POOLED + "?" + NOTHING).then().statusCode(200).body("groups", empty());
    }

    @Test
    void csvByAcceptHeaderAndByFormat() throws IOException {
        PooledResult json = pooled(sle() + "&groupBy=cellSource");
        String byAccept = given().accept("text/csv").get(POOLED + "?" + sle() + "&groupBy=cellSource")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        String byFormat = given().accept("application/json").get(POOLED + "?" + sle() + "&groupBy=cellSource&format=csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        assertEquals(byAccept, byFormat, "format=csv wins over Accept");

        List<CSVRecord> rows;
        List<String> header;
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(byFormat))) {
            header = csv.getHeaderNames();
            rows = csv.getRecords();
        }
        assertEquals(List.of("measure", "groupBy", "group", "label", "method", "k", "events", "total", "estimate",
                "ciLower", "ciUpper", "piLower", "piUpper", "mu", "se", "tau2", "i2", "h2", "q", "qPValue", "qLrt",
                "qLrtPValue", "model", "tau2Estimator", "transform", "ci", "level", "note", "subgroupQ", "subgroupDf",
                "subgroupDf2", "subgroupP", "subgroupNote"), header);
        assertEquals(json.groups().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            PooledResult.Group group = json.groups().get(i);
            assertEquals("REMISSION", row.get("measure"));
            assertEquals(group.group(), row.get("group"));
            assertEquals(group.k(), Integer.parseInt(row.get("k")));
            assertEquals(group.estimate(), Double.parseDouble(row.get("estimate")), "full precision");
            assertEquals(group.qPValue(), Double.parseDouble(row.get("qPValue")), "full precision");
            assertEquals(group.method(), row.get("method"));
            assertEquals(group.label(), row.get("label"));
            assertEquals(group.note() == null ? "" : group.note(), row.get("note"));
            assertEquals(group.tau2() == null ? "" : group.tau2().toString(), row.get("tau2"), "empty where absent");
            assertEquals("wald", row.get("ci"));
        }

        String empty = given().get(POOLED + "?" + NOTHING + "&format=csv").then().statusCode(200).extract().asString();
        assertEquals(1, empty.strip().lines().count(), "the header alone");
    }

    @Test
    void unsupportedMediaTypeIsNotAcceptable() {
        given().accept("application/xml").get(POOLED + "?" + sle())
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void forestPlotIsWellFormedSvgWithARowPerCohort() throws Exception {
        String svg = given().get(FOREST + "?" + sle())
                .then().statusCode(200).contentType(startsWith("image/svg+xml"))
                .extract().asString();
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals(0, doc.getElementsByTagName("script").getLength(), "no script");

        assertEquals(9, withClass(doc, "g", "cohort").size());
        assertEquals(1, withClass(doc, "polygon", "diamond").size());
        String text = root.getTextContent();
        assertTrue(text.contains("Remission. Random-effects logistic model (GLMM), ML; 95 % Wald CI; "
                + "k = 9, I² = 50.2 %, τ² = 1.417, Wald Q = 5.57 (p = 0.695), LRT = 14.24 (p = 0.076)"), text);
        assertTrue(text.contains("Feng 2025"), "first author and year from the citation");
        assertTrue(text.contains("0.89 [0.65, 0.97]"), "the pooled estimate");
        assertTrue(text.contains("12/15"));

        Document grouped = parse(given().get(FOREST + "?" + sle() + "&groupBy=cellSource&includeSuperseded=true")
                .then().statusCode(200).extract().asString());
        assertEquals(pooled(sle() + "&includeSuperseded=true").groups().get(0).k(),
                withClass(grouped, "g", "cohort").size());
        assertEquals(2, withClass(grouped, "polygon", "diamond").size(), "a diamond per group");
        String groupedText = grouped.getDocumentElement().getTextContent();
        assertTrue(groupedText.contains("Cell source: Donor cells (allogeneic)"), groupedText);

        String ivText = parse(given().get(FOREST + "?" + sle() + "&method=inverse-variance").then().statusCode(200)
                .extract().asString()).getDocumentElement().getTextContent();
        assertTrue(ivText.contains("Remission. Random effects, inverse variance, REML, logit transform; 95 % "
                + "Hartung-Knapp CI; k = 9, I² = 0.0 %, τ² = 0.000, Q = 7.46 (p = 0.488)"), ivText);
        assertTrue(ivText.contains("0.80 [0.64, 0.90]"), "the pooled estimate");
    }

    /** A group of one cohort is drawn as that cohort; one at all events by the exact interval, with its note. */
    @Test
    void forestPlotDrawsSingleCohortsAsThemselves() throws Exception {
        PooledResult result = pooled("measure=REMISSION&groupBy=disease&" + own());
        Document doc = parse(given().get(FOREST + "?measure=REMISSION&groupBy=disease&" + own()).then().statusCode(200)
                .extract().asString());
        long pooledGroups = result.groups().stream().filter(g -> g.k() > 1).count();
        assertEquals(pooledGroups, withClass(doc, "polygon", "diamond").size(), "no diamond for a single cohort");
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Disease: Idiopathic inflammatory myopathy"), text);
        assertTrue(text.contains("A single cohort: not pooled."), text);
        result.groups().stream().filter(g -> g.k() > 1 && g.note() != null)
                .forEach(g -> assertTrue(text.contains(g.note()), g.group()));
    }

    @Test
    void forestPlotWithoutCohortsSaysSo() throws Exception {
        Document doc = parse(given().get(FOREST + "?" + NOTHING).then().statusCode(200).extract().asString());
        assertEquals(0, withClass(doc, "g", "cohort").size());
        assertTrue(doc.getDocumentElement().getTextContent().contains("Nothing to plot"));
    }

    private static PooledResult pooled(String query) {
        Response response = given().accept("application/json").get(POOLED + "?" + query);
        response.then().statusCode(200).contentType("application/json");
        try {
            return JSON.readValue(response.asString(), PooledResult.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> keys(PooledResult.Group group) {
        return group.cohorts().stream().map(c -> reference().referenceKey(c.studyKey()) + "/" + c.label())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static List<String> groupNames(PooledResult result) {
        return result.groups().stream().map(PooledResult.Group::group).toList();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> withClass(Document doc, String tag, String cssClass) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (Set.of(element.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(element);
            }
        }
        return found;
    }
}
