package org.cartevidence.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The summary counts, each one grouped query in the database. Patients are the sum of the counted cohorts'
 * enrolled; cohorts that a later report supersedes are left out unless asked, so that no patient counts twice.
 */
@ApplicationScoped
public class SummaryQueries {

    static final String UNKNOWN = "unknown";

    @Inject
    EntityManager em;

    @Transactional
    public EvidenceSummary summary(boolean includeSuperseded) {
        String counted = includeSuperseded ? "" : " and c.supersededBy is null";
        long studies = em.createQuery("select count(s) from Study s", Long.class).getSingleResult();
        Object[] cohorts = em.createQuery("select count(c), coalesce(sum(c.enrolled), 0) from Cohort c where 1 = 1"
                + counted, Object[].class).getSingleResult();
        return new EvidenceSummary(includeSuperseded, studies, ((Number) cohorts[0]).longValue(),
                ((Number) cohorts[1]).longValue(),
                counts("select c.disease, count(distinct c.study.id), count(c), coalesce(sum(c.enrolled), 0) "
                        + "from Cohort c where 1 = 1" + counted + " group by c.disease order by c.disease"),
                byStudyField("s.target", counted),
                byStudyField("s.cellSource", counted),
                byStudyField("s.phase", counted),
                counts("select k, count(distinct s.id), count(c), coalesce(sum(c.enrolled), 0) "
                        + "from Study s join s.countries k left join Cohort c on c.study = s" + counted
                        + " group by k order by k"),
                byStudyField("s.publicationYear", counted));
    }

    private List<EvidenceSummary.Count> byStudyField(String field, String counted) {
        return counts("select " + field + ", count(distinct s.id), count(c), coalesce(sum(c.enrolled), 0) "
                + "from Study s left join Cohort c on c.study = s" + counted
                + " group by " + field + " order by " + field);
    }

    private List<EvidenceSummary.Count> counts(String hql) {
        return em.createQuery(hql, Object[].class).getResultStream()
                .map(row -> new EvidenceSummary.Count(row[0] == null ? UNKNOWN : row[0].toString(),
                        ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ((Number) row[3]).longValue()))
                .toList();
    }
}
