package org.cartevidence.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cartevidence.api.ListQuery;
import org.cartevidence.cohort.Cohort;
import org.cartevidence.study.Study;
import org.cartevidence.study.StudyFilter;

/**
 * The summary counts in three grouped queries over the filtered studies. Patients are the sum of the counted cohorts'
 * enrolled; cohorts that a later report supersedes are left out unless asked, so that no patient counts twice.
 */
@ApplicationScoped
public class SummaryQueries {

    static final String UNKNOWN = "unknown";

    /**
     * The study fields the summary breaks down by. They are grouped in one query and added up per field here: a study
     * has one value of each, so its combination's counts belong to exactly one value of every field. One pass over
     * studies and cohorts instead of one per field.
     */
    private static final List<String> STUDY_FIELDS = List.of("s.target", "s.cellSource", "s.phase", "s.publicationYear");

    /** Per group: its studies ({@code s}), its counted cohorts ({@code c}) and their patients. */
    private static final String COUNTS = "count(distinct s.id), count(c), coalesce(sum(c.enrolled), 0)";

    /** Values in ascending order (enums by name, as the database stores them), "unknown" last on every database. */
    private static final Comparator<Object> VALUE_ORDER = Comparator.nullsLast((a, b) -> compare(sortKey(a), sortKey(b)));

    @Inject
    EntityManager em;

    /**
     * The counts over the studies that pass {@code filter}, as the study list finds them, and their cohorts: with a
     * disease, only the cohorts of it. The filters are clauses of the three queries, bound as parameters.
     */
    @Transactional
    public EvidenceSummary summary(StudyFilter filter, boolean includeSuperseded) {
        String counted = includeSuperseded ? "" : " and c.supersededBy is null";
        // A study without counted cohorts still counts as a study, hence the left join with the cohorts' filters in it.
        String cohorts = "left join Cohort c on c.study = s" + counted + filter.joinedCohorts();
        String fields = String.join(", ", STUDY_FIELDS);
        List<Map<Object, Tally>> byField = new ArrayList<>();
        STUDY_FIELDS.forEach(field -> byField.add(new TreeMap<>(VALUE_ORDER)));
        Tally total = new Tally();
        for (Object[] row : filter.studiesIn(ListQuery.from(Study.class, "s")).grouped(em,
                "select " + fields + ", " + COUNTS, cohorts, fields)) {
            int n = STUDY_FIELDS.size();
            long studies = ((Number) row[n]).longValue();
            long cohortCount = ((Number) row[n + 1]).longValue();
            long patients = ((Number) row[n + 2]).longValue();
            total.add(studies, cohortCount, patients);
            for (int i = 0; i < n; i++) {
                byField.get(i).computeIfAbsent(row[i], v -> new Tally()).add(studies, cohortCount, patients);
            }
        }
        List<Object[]> byDisease = filter.cohortsIn(ListQuery.from(Cohort.class, "c"))
                .whereIf(!includeSuperseded, "c.supersededBy is null")
                .grouped(em, "select c.disease, " + COUNTS, "join c.study s", "c.disease");
        // Not k: the country filter's subquery names the countries k.
        List<Object[]> byCountry = filter.studiesIn(ListQuery.from(Study.class, "s"))
                .grouped(em, "select place, " + COUNTS, "join s.countries place " + cohorts, "place");
        return new EvidenceSummary(includeSuperseded, total.studies, total.cohorts, total.patients,
                counts(byDisease), counts(byField.get(0)), counts(byField.get(1)), counts(byField.get(2)),
                counts(byCountry), counts(byField.get(3)));
    }

    private static List<EvidenceSummary.Count> counts(List<Object[]> rows) {
        return rows.stream()
                .map(row -> new EvidenceSummary.Count(valueName(row[0]), ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), ((Number) row[3]).longValue()))
                .toList();
    }

    private static List<EvidenceSummary.Count> counts(Map<Object, Tally> tallies) {
        return tallies.entrySet().stream().map(e -> new EvidenceSummary.Count(valueName(e.getKey()),
                e.getValue().studies, e.getValue().cohorts, e.getValue().patients)).toList();
    }

    private static String valueName(Object value) {
        return value == null ? UNKNOWN : value.toString();
    }

    private static Object sortKey(Object value) {
        return value instanceof Enum<?> e ? e.name() : value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    /** Studies, cohorts and patients added up over combinations of study fields. */
    private static final class Tally {
        long studies;
        long cohorts;
        long patients;

        void add(long studies, long cohorts, long patients) {
            this.studies += studies;
            this.cohorts += cohorts;
            this.patients += patients;
        }
    }
}
