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

/**
 * The summary counts in three grouped queries. Patients are the sum of the counted cohorts' enrolled; cohorts that a
 * later report supersedes are left out unless asked, so that no patient counts twice.
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

    /** Values in ascending order (enums by name, as the database stores them), "unknown" last on every database. */
    private static final Comparator<Object> VALUE_ORDER = Comparator.nullsLast((a, b) -> compare(sortKey(a), sortKey(b)));

    @Inject
    EntityManager em;

    @Transactional
    public EvidenceSummary summary(boolean includeSuperseded) {
        String counted = includeSuperseded ? "" : " and c.supersededBy is null";
        String fields = String.join(", ", STUDY_FIELDS);
        List<Map<Object, Tally>> byField = new ArrayList<>();
        STUDY_FIELDS.forEach(field -> byField.add(new TreeMap<>(VALUE_ORDER)));
        Tally total = new Tally();
        em.createQuery("select " + fields + ", count(distinct s.id), count(c), coalesce(sum(c.enrolled), 0) "
                        + "from Study s left join Cohort c on c.study = s" + counted + " group by " + fields,
                Object[].class).getResultStream().forEach(row -> {
                    int n = STUDY_FIELDS.size();
                    long studies = ((Number) row[n]).longValue();
                    long cohorts = ((Number) row[n + 1]).longValue();
                    long patients = ((Number) row[n + 2]).longValue();
                    total.add(studies, cohorts, patients);
                    for (int i = 0; i < n; i++) {
                        byField.get(i).computeIfAbsent(row[i], v -> new Tally()).add(studies, cohorts, patients);
                    }
                });
        return new EvidenceSummary(includeSuperseded, total.studies, total.cohorts, total.patients,
                counts("select c.disease, count(distinct c.study.id), count(c), coalesce(sum(c.enrolled), 0) "
                        + "from Cohort c where 1 = 1" + counted + " group by c.disease order by c.disease"),
                counts(byField.get(0)), counts(byField.get(1)), counts(byField.get(2)),
                counts("select k, count(distinct s.id), count(c), coalesce(sum(c.enrolled), 0) "
                        + "from Study s join s.countries k left join Cohort c on c.study = s" + counted
                        + " group by k order by k"),
                counts(byField.get(3)));
    }

    private List<EvidenceSummary.Count> counts(String hql) {
        return em.createQuery(hql, Object[].class).getResultStream()
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
