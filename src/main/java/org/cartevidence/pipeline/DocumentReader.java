package org.cartevidence.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cartevidence.api.ApiException;
import org.cartevidence.api.Blank;
import org.cartevidence.api.Problem.FieldError;
import org.cartevidence.api.ProblemMapper;
import org.cartevidence.api.StrictJson;
import org.cartevidence.cohort.CohortInput;
import org.cartevidence.cohort.CohortRules;
import org.cartevidence.outcome.OutcomeInput;
import org.cartevidence.outcome.OutcomeRules;
import org.cartevidence.pipeline.StudyDocument.CohortDocument;
import org.cartevidence.pipeline.StudyDocument.CohortRef;
import org.cartevidence.pipeline.StudyDocument.OutcomeKey;
import org.cartevidence.study.StudyInput;

/**
 * Reads import documents from a stream, one at a time, and checks each on its own with the rules of the CRUD API
 * (the same validation annotations, the same cross-field rules). It never stops at the first error: every bad line
 * is reported, each error naming its line and the JSON pointer of the field.
 */
@ApplicationScoped
class DocumentReader {

    /** Documents that passed, and the errors of those that did not. */
    record Read(List<StudyDocument> documents, List<FieldError> errors) {
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /** One document per line; blank lines are skipped but counted. */
    Read ndjson(InputStream body) {
        Read read = new Read(new ArrayList<>(), new ArrayList<>());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(line);
                } catch (JsonProcessingException e) {
                    read.errors().add(unreadable(number, "", e));
                    continue;
                }
                document(number, node, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    /** One document, or an array of them (numbered from 1 in the array). */
    Read json(InputStream body) {
        Read read = new Read(new ArrayList<>(), new ArrayList<>());
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                int number = 0;
                // Each element is read on its own; the elements after it are not "trailing tokens".
                ObjectReader element = mapper.readerFor(JsonNode.class)
                        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    document(++number, element.readValue(parser), read);
                }
            } else {
                document(1, first == null ? null : mapper.readTree(parser), read);
            }
            if (parser.nextToken() != null) {
                throw ApiException.invalid(List.of(new FieldError("", "malformed JSON: more than one value")));
            }
        } catch (JsonProcessingException e) {
            throw ProblemMapper.unreadable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    private void document(int line, JsonNode node, Read read) {
        List<FieldError> errors = read.errors();
        int before = errors.size();
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(line, "", "must be a JSON object (a study document)"));
            return;
        }
        ObjectNode fields = (ObjectNode) node; // freshly parsed and ours: the parts are taken out in place
        JsonNode cohortNodes = fields.remove("cohorts");
        StudyInput study = convert(line, "", fields, StudyInput.class, errors);
        List<CohortDocument> cohorts = new ArrayList<>();
        for (JsonNode cohortNode : elements(line, "/cohorts", cohortNodes, errors)) {
            cohorts.add(cohort(line, "/cohorts/" + cohorts.size(), cohortNode, errors));
        }
        if (errors.size() == before) {
            checkAcross(line, cohorts, errors);
        }
        if (errors.size() == before) {
            read.documents().add(new StudyDocument(line, study, cohorts));
        }
    }

    private CohortDocument cohort(int line, String at, JsonNode node, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(line, at, "must be a JSON object (a cohort)"));
            return null;
        }
        ObjectNode fields = (ObjectNode) node;
        JsonNode outcomeNodes = fields.remove("outcomes");
        CohortRef laterReport = laterReport(line, at + "/supersededBy", fields.remove("supersededBy"), errors);
        CohortInput cohort = convert(line, at, fields, CohortInput.class, errors);
        List<OutcomeInput> outcomes = new ArrayList<>();
        for (JsonNode outcomeNode : elements(line, at + "/outcomes", outcomeNodes, errors)) {
            outcomes.add(convert(line, at + "/outcomes/" + outcomes.size(), outcomeNode, OutcomeInput.class, errors));
        }
        return new CohortDocument(cohort, laterReport, outcomes);
    }

    private static CohortRef laterReport(int line, String at, JsonNode link, List<FieldError> errors) {
        if (link == null || link.isNull()) {
            return null;
        }
        if (link.isObject() && link.size() == 2 && link.path("studyKey").isTextual() && link.path("label").isTextual()
                && !Blank.isBlank(link.path("studyKey").asText()) && !Blank.isBlank(link.path("label").asText())) {
            for (String field : List.of("studyKey", "label")) {
                String refusal = StrictJson.unstorable(link.get(field).asText());
                if (refusal != null) {
                    errors.add(new FieldError(line, at + "/" + field, refusal));
                    return null;
                }
            }
            return new CohortRef(link.get("studyKey").asText(), link.get("label").asText());
        }
        errors.add(new FieldError(line, at, "must be an object with the studyKey and label of the later report"));
        return null;
    }

    private static Iterable<JsonNode> elements(int line, String at, JsonNode list, List<FieldError> errors) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            errors.add(new FieldError(line, at, "must be an array"));
            return List.of();
        }
        return list;
    }

    /** Reads and validates one part of a document; on failure adds its errors and answers null. */
    private <T> T convert(int line, String at, JsonNode node, Class<T> type, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(line, at, "must be a JSON object"));
            return null;
        }
        T value;
        try {
            value = mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            errors.add(unreadable(line, at, e));
            return null;
        }
        int before = errors.size();
        validator.validate(value).stream()
                .map(v -> new FieldError(line, at + pointer(ProblemMapper.fieldPath(v.getPropertyPath(), true)),
                        v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .forEach(errors::add);
        return errors.size() == before ? value : null;
    }

    /**
     * The rules that span fields or parts of one document, with the record rules of the CRUD API ({@link CohortRules},
     * {@link OutcomeRules}). A cohort's label and an outcome's measure, definition and time point need only be unique
     * among the document's own parts: the import matches stored records by them, so it updates a stored record
     * instead of repeating it.
     */
    private static void checkAcross(int line, List<CohortDocument> cohorts, List<FieldError> errors) {
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < cohorts.size(); i++) {
            CohortInput cohort = cohorts.get(i).cohort();
            String at = "/cohorts/" + i;
            CohortRules.labelUnique(!labels.add(cohort.label())).ifPresent(e -> errors.add(at(line, at, e)));
            CohortRules.femaleWithinEnrolled(cohort).ifPresent(e -> errors.add(at(line, at, e)));
            Set<OutcomeKey> keys = new HashSet<>();
            List<OutcomeInput> outcomes = cohorts.get(i).outcomes();
            for (int j = 0; j < outcomes.size(); j++) {
                OutcomeInput outcome = outcomes.get(j);
                String o = at + "/outcomes/" + j;
                OutcomeRules.keyUnique(!keys.add(OutcomeKey.of(outcome))).ifPresent(e -> errors.add(at(line, o, e)));
                OutcomeRules.countsWithinCohort(outcome, cohort.enrolled()).forEach(e -> errors.add(at(line, o, e)));
            }
        }
    }

    /** A record rule's error (its field named as in the record's body) placed in a document: line and pointer. */
    static FieldError at(int line, String pointerOfRecord, FieldError error) {
        return new FieldError(line, pointerOfRecord + pointer(error.field()), error.message());
    }

    private static FieldError unreadable(int line, String at, JsonProcessingException e) {
        FieldError error = ProblemMapper.unreadable(e).errors().get(0);
        String field = "body".equals(error.field()) ? "" : pointer(error.field());
        return new FieldError(line, at + field, error.message());
    }

    /** {@code registryIds[0]} or {@code a.b} as a JSON pointer suffix: {@code /registryIds/0}, {@code /a/b}. */
    static String pointer(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String part : path.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                out.append('/').append(part.replace("~", "~0").replace("/", "~1"));
            }
        }
        return out.toString();
    }
}
