package org.cartevidence.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.cartevidence.api.Csv;
import org.cartevidence.api.ListQuery;
import org.cartevidence.cohort.Disease;
import org.cartevidence.cohort.CohortInput;
import org.cartevidence.outcome.Measure;
import org.cartevidence.outcome.OutcomeInput;
import org.cartevidence.study.CellSource;
import org.cartevidence.study.GeneEditing;
import org.cartevidence.study.Phase;
import org.cartevidence.study.SourceType;
import org.cartevidence.study.Study;
import org.cartevidence.study.StudyInput;
import org.cartevidence.study.StudyListFilter;
import org.cartevidence.study.StudyService;
import org.cartevidence.study.StudyStatus;
import org.cartevidence.study.Target;
import org.cartevidence.study.VectorType;

/**
 * Writes the studies that pass the list filters as import documents, studies in key order, cohorts by label, outcomes
 * by measure, definition and time point, so that the same data always gives the same bytes. It streams: the
 * studies are read {@value #CHUNK} at a time (five projections per chunk, no entities) and forgotten once written, so memory stays
 * flat whatever the size of the export.
 */
@ApplicationScoped
public class ExportService {

    /**
     * Studies per chunk, and ids per IN list. H2 checks an IN list of parameters by scanning it for every row it
     * fetches, so long lists cost rows x list length; 200 keeps that small and the statements few.
     */
    static final int CHUNK = 200;

    /** The cohorts' later reports travel as study key and label, not as an id. */
    private static final String LATER_REPORT = "supersededBy";

    private static final Comparator<OutcomeInput> OUTCOME_ORDER = Comparator
            .comparing((OutcomeInput o) -> o.measure().name())
            .thenComparing(OutcomeInput::definition, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(OutcomeInput::timepointMonths, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** One JSON document per line. */
    public void ndjson(StudyListFilter filter, OutputStream out) {
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            json.setRootValueSeparator(null); // the line break below separates the documents
            each(filter, document -> {
                try {
                    json.writeTree(document);
                    json.writeRaw('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One row per outcome with its cohort's and study's columns; a cohort without outcomes, or a study without
     * cohorts, still has one row, with the missing columns empty.
     */
    public void csv(StudyListFilter filter, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> header = new ArrayList<>();
        List<String> studyColumns = columns(StudyInput.class, "study.", header);
        List<String> cohortColumns = columns(CohortInput.class, "cohort.", header);
        header.add("cohort.supersededBy.studyKey");
        header.add("cohort.supersededBy.label");
        List<String> outcomeColumns = columns(OutcomeInput.class, "outcome.", header);
        try (CSVPrinter csv = Csv.printer(writer, header.toArray(String[]::new))) {
            each(filter, document -> {
                List<String> study = cells(document, studyColumns);
                Iterator<JsonNode> cohorts = document.path("cohorts").elements();
                if (!cohorts.hasNext()) {
                    row(csv, study, empty(cohortColumns.size() + 2), empty(outcomeColumns.size()));
                }
                while (cohorts.hasNext()) {
                    JsonNode cohort = cohorts.next();
                    List<String> cohortCells = cells(cohort, cohortColumns);
                    cohortCells.add(text(cohort.path(LATER_REPORT).get("studyKey")));
                    cohortCells.add(text(cohort.path(LATER_REPORT).get("label")));
                    Iterator<JsonNode> outcomes = cohort.path("outcomes").elements();
                    if (!outcomes.hasNext()) {
                        row(csv, study, cohortCells, empty(outcomeColumns.size()));
                    }
                    while (outcomes.hasNext()) {
                        row(csv, study, cohortCells, cells(outcomes.next(), outcomeColumns));
                    }
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hands every matching study's document to {@code sink}, in key order. Each chunk is read in a transaction of its
     * own and written after it ends: an export of any size holds no transaction (nor its timeout) while it streams,
     * and reads committed data chunk by chunk rather than one snapshot.
     */
    private void each(StudyListFilter filter, java.util.function.Consumer<ObjectNode> sink) {
        String after = null;
        while (true) {
            String from = after;
            Chunk chunk = QuarkusTransaction.requiringNew().call(() -> chunk(filter, from));
            if (chunk.documents().isEmpty()) {
                return;
            }
            chunk.documents().forEach(sink);
            after = chunk.lastKey();
        }
    }

    private record Chunk(List<ObjectNode> documents, String lastKey) {
    }

    /** A study of a chunk: its id, and its key to go on after. */
    record StudyKey(Long id, String key) {
    }

    private Chunk chunk(StudyListFilter filter, String after) {
        ListQuery<Study> query = StudyService.matching(filter).where("s.key > :after", "after", after);
        if (filter.changed.updatedSince != null) {
            query.where("(s.updatedAt >= :since"
                    + " or exists (select 1 from Cohort c where c.study = s and c.updatedAt >= :since)"
                    + " or exists (select 1 from Outcome o where o.cohort.study = s and o.updatedAt >= :since))",
                    "since", filter.changed.updatedSince);
        }
        List<StudyKey> keys = query.project(em, "select new " + StudyKey.class.getName() + "(s.id, s.key)", "", "s.key",
                StudyKey.class, CHUNK);
        if (keys.isEmpty()) {
            return new Chunk(List.of(), after);
        }
        return new Chunk(documents(keys.stream().map(StudyKey::id).toList()), keys.get(keys.size() - 1).key());
    }

    /**
     * The documents of these studies, in the order of the ids given: four projections (studies, their two lists,
     * cohorts) and one for the outcomes of those cohorts, each an index lookup; no entity is loaded.
     */
    private List<ObjectNode> documents(List<Long> ids) {
        Map<Long, List<String>> registryIds = lists("select new " + ListItem.class.getName() + "(s.id, r) "
                + "from Study s join s.registryIds r where s.id in :ids order by s.id, index(r)", ids);
        Map<Long, List<String>> countries = lists("select new " + ListItem.class.getName() + "(s.id, c) "
                + "from Study s join s.countries c where s.id in :ids order by s.id, index(c)", ids);
        Map<Long, StudyInput> studies = new HashMap<>();
        for (StudyRow r : rows(StudyRow.SELECT, StudyRow.class, ids)) {
            studies.put(r.id(), r.input(registryIds.getOrDefault(r.id(), List.of()),
                    countries.getOrDefault(r.id(), List.of())));
        }
        Map<Long, List<CohortRow>> cohortsOfStudy = new HashMap<>();
        List<Long> cohortIds = new ArrayList<>();
        for (CohortRow r : rows(CohortRow.SELECT, CohortRow.class, ids)) {
            cohortIds.add(r.id());
            cohortsOfStudy.computeIfAbsent(r.studyId(), k -> new ArrayList<>()).add(r);
        }
        Map<Long, List<OutcomeInput>> outcomesOfCohort = new HashMap<>();
        for (List<Long> chunk : Chunks.of(cohortIds, CHUNK)) {
            for (OutcomeRow r : rows(OutcomeRow.SELECT, OutcomeRow.class, chunk)) {
                outcomesOfCohort.computeIfAbsent(r.cohortId(), k -> new ArrayList<>()).add(r.input());
            }
        }
        List<ObjectNode> documents = new ArrayList<>(ids.size());
        for (Long id : ids) {
            ObjectNode document = tree(studies.get(id));
            ArrayNode cohorts = document.putArray("cohorts");
            List<CohortRow> ofStudy = cohortsOfStudy.getOrDefault(id, new ArrayList<>());
            ofStudy.sort(Comparator.comparing(CohortRow::label));
            for (CohortRow cohort : ofStudy) {
                ObjectNode node = tree(cohort.input());
                if (cohort.laterStudyKey() != null) {
                    node.putObject(LATER_REPORT).put("studyKey", cohort.laterStudyKey())
                            .put("label", cohort.laterLabel());
                }
                ArrayNode outcomes = node.putArray("outcomes");
                List<OutcomeInput> ofCohort = outcomesOfCohort.getOrDefault(cohort.id(), new ArrayList<>());
                ofCohort.sort(OUTCOME_ORDER);
                ofCohort.forEach(o -> outcomes.add(tree(o)));
                cohorts.add(node);
            }
            documents.add(document);
        }
        return documents;
    }

    /*
     * The projections of the export: a row's record is built by the query (select new), and makes the record's input.
     * A column added to a table and its input but not here fails ExportCoverageTest, which names this class.
     */

    /** One item of a study's ordered list (registry ids or countries). */
    record ListItem(Long studyId, String value) {
    }

    /** A study's own columns. */
    record StudyRow(Long id, String key, String title, String citation, String doi, String pmid,
            Integer publicationYear, Integer startYear, Phase phase, StudyStatus status, String sponsor,
            String institution, Target target, CellSource cellSource, GeneEditing geneEditing, VectorType vector,
            SourceType sourceType, String sourceNote) {

        static final String SELECT = "select new " + StudyRow.class.getName() + "(s.id, s.key, s.title, s.citation, "
                + "s.doi, s.pmid, s.publicationYear, s.startYear, s.phase, s.status, s.sponsor, s.institution, "
                + "s.target, s.cellSource, s.geneEditing, s.vector, s.sourceType, s.sourceNote) "
                + "from Study s where s.id in :ids";

        StudyInput input(List<String> registryIds, List<String> countries) {
            return new StudyInput(key, title, citation, registryIds, doi, pmid, publicationYear, startYear, phase,
                    status, countries, sponsor, institution, target, cellSource, geneEditing, vector, sourceType,
                    sourceNote);
        }
    }

    /**
     * A cohort, with the study key and label of its later report, if any (the input's supersededBy id stays empty:
     * ids do not travel).
     */
    record CohortRow(Long studyId, Long id, String label, Disease disease, Integer enrolled, Integer female,
            Double medianAge, String dose, Double doseCellsPerKg, String lymphodepletion, Double medianFollowUpMonths,
            String notes, String laterStudyKey, String laterLabel) {

        static final String SELECT = "select new " + CohortRow.class.getName() + "(c.study.id, c.id, c.label, "
                + "c.disease, c.enrolled, c.female, c.medianAge, c.dose, c.doseCellsPerKg, c.lymphodepletion, "
                + "c.medianFollowUpMonths, c.notes, ls.key, l.label) "
                + "from Cohort c left join c.supersededBy l left join l.study ls where c.study.id in :ids";

        CohortInput input() {
            return new CohortInput(label, disease, enrolled, female, medianAge, dose, doseCellsPerKg, lymphodepletion,
                    medianFollowUpMonths, null, notes);
        }
    }

    /** An outcome and the id of its cohort. */
    record OutcomeRow(Long cohortId, Measure measure, String definition, Integer events, Integer total,
            Double timepointMonths, Double mean, Double sd, Double median, String unit, String notes, String source) {

        static final String SELECT = "select new " + OutcomeRow.class.getName() + "(o.cohort.id, o.measure, "
                + "o.definition, o.events, o.total, o.timepointMonths, o.mean, o.sd, o.median, o.unit, o.notes, "
                + "o.source) from Outcome o where o.cohort.id in :ids";

        OutcomeInput input() {
            return new OutcomeInput(measure, definition, events, total, timepointMonths, mean, sd, median, unit, notes,
                    source);
        }
    }

    private <R> List<R> rows(String query, Class<R> type, List<Long> ids) {
        return em.createQuery(query, type).setParameter("ids", ids).getResultList();
    }

    private Map<Long, List<String>> lists(String query, List<Long> ids) {
        Map<Long, List<String>> lists = new HashMap<>();
        for (ListItem item : rows(query, ListItem.class, ids)) {
            lists.computeIfAbsent(item.studyId(), k -> new ArrayList<>()).add(item.value());
        }
        return lists;
    }

    /** A record as a JSON object without its absent fields, doubles as plain decimals (see {@link Csv#plain}). */
    private ObjectNode tree(Record value) {
        ObjectNode node = mapper.valueToTree(value);
        node.properties().forEach(field -> {
            if (field.getValue().isDouble()) {
                field.setValue(DecimalNode.valueOf(Csv.plain(field.getValue().doubleValue())));
            }
        });
        return node;
    }

    private static List<String> columns(Class<? extends Record> type, String prefix, List<String> header) {
        List<String> names = new ArrayList<>();
        for (String name : Csv.header(type)) {
            if (!name.equals(LATER_REPORT)) {
                names.add(name);
                header.add(prefix + name);
            }
        }
        return names;
    }

    private static List<String> cells(JsonNode node, List<String> columns) {
        List<String> cells = new ArrayList<>(columns.size() + 2);
        for (String column : columns) {
            cells.add(text(node.get(column)));
        }
        return cells;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(Csv.LIST_SEPARATOR, items);
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    private static List<String> empty(int n) {
        return new ArrayList<>(java.util.Collections.nCopies(n, ""));
    }

    private static void row(CSVPrinter csv, List<String> study, List<String> cohort, List<String> outcome) {
        List<String> cells = new ArrayList<>(study);
        cells.addAll(cohort);
        cells.addAll(outcome);
        try {
            csv.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
