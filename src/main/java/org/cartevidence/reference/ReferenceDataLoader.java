package org.cartevidence.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cartevidence.api.Bodies;
import org.cartevidence.audit.Authors;
import org.cartevidence.cohort.Cohort;
import org.cartevidence.cohort.CohortInput;
import org.cartevidence.cohort.CohortService;
import org.cartevidence.outcome.OutcomeInput;
import org.cartevidence.outcome.OutcomeService;
import org.cartevidence.study.Study;
import org.cartevidence.study.StudyInput;
import org.cartevidence.study.StudyService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the published reference studies ({@code reference-data/studies.json}) into an empty database at start,
 * through the same validation and services as the API, in one transaction: either all of it or none, recorded in the
 * audit as made by {@value #AUTHOR}.
 * Cohorts name the cohort that supersedes them by study key and label, so the file is portable between databases.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    static final String RESOURCE = "reference-data/studies.json";
    /** The author the audit names for the reference data. */
    public static final String AUTHOR = "reference-data";
    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);

    @ConfigProperty(name = "cartevidence.reference-data.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    ObjectMapper mapper;

    @Inject
    Bodies bodies;

    @Inject
    EntityManager em;

    @Inject
    StudyService studies;

    @Inject
    CohortService cohorts;

    @Inject
    OutcomeService outcomes;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("reference data loading is off (cartevidence.reference-data.enabled=false)");
            return;
        }
        loadIfEmpty();
    }

    /** Loads the reference data unless the database already holds a study; answers the number of studies loaded. */
    public int loadIfEmpty() {
        return inOneTransaction(() -> em.createQuery("select count(s) from Study s", Long.class).getSingleResult() > 0
                ? 0 : loadAll(readResource()));
    }

    /**
     * Loads study documents (each with its cohorts and their outcomes) in one transaction: all of them or, on the
     * first invalid one, none.
     */
    public int load(JsonNode documents) {
        return inOneTransaction(() -> loadAll(documents));
    }

    /**
     * A new transaction, committed while the audit still names {@value #AUTHOR} as the author: Envers stamps the
     * revision when the transaction commits, so the commit must happen inside.
     */
    private int inOneTransaction(Callable<Integer> work) {
        return Authors.actingAs(AUTHOR, () -> QuarkusTransaction.requiringNew().call(work));
    }

    private int loadAll(JsonNode documents) {
        List<PendingCohort> pending = new ArrayList<>();
        for (JsonNode document : documents) {
            ObjectNode fields = document.deepCopy();
            JsonNode cohortDocuments = fields.remove("cohorts");
            Study study = studies.create(bodies.read(fields, StudyInput.class));
            for (JsonNode cohortDocument : cohortDocuments == null ? List.<JsonNode>of() : cohortDocuments) {
                pending.add(new PendingCohort(study, cohortDocument.deepCopy()));
            }
        }
        int cohortCount = createCohorts(pending);
        LOG.infof("loaded reference data: %d studies, %d cohorts, %d outcomes", documents.size(), cohortCount,
                pending.stream().mapToInt(p -> p.outcomes.size()).sum());
        return documents.size();
    }

    /** Creates each cohort after the cohort that supersedes it, so that every link is set on creation. */
    private int createCohorts(List<PendingCohort> pending) {
        Map<String, Long> idsByKeyAndLabel = new HashMap<>();
        List<PendingCohort> left = new ArrayList<>(pending);
        while (!left.isEmpty()) {
            List<PendingCohort> ready = left.stream()
                    .filter(p -> p.laterReport == null || idsByKeyAndLabel.containsKey(p.laterReport)).toList();
            if (ready.isEmpty()) {
                throw new IllegalStateException("reference data: supersededBy names a missing cohort or makes a cycle: "
                        + left.stream().map(p -> p.laterReport).toList());
            }
            for (PendingCohort p : ready) {
                if (p.laterReport != null) {
                    p.fields.put("supersededBy", idsByKeyAndLabel.get(p.laterReport));
                }
                Cohort cohort = cohorts.create(p.study.id, bodies.read(p.fields, CohortInput.class));
                idsByKeyAndLabel.put(p.study.key + "\n" + cohort.label, cohort.id);
                for (JsonNode outcome : p.outcomes) {
                    outcomes.create(cohort.id, bodies.read(outcome, OutcomeInput.class));
                }
            }
            left.removeAll(ready);
        }
        return pending.size();
    }

    private JsonNode readResource() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("reference data " + RESOURCE + " is missing from the package");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cohort document waiting for its study and for the cohort that supersedes it. */
    private static final class PendingCohort {
        final Study study;
        final ObjectNode fields;
        final List<JsonNode> outcomes = new ArrayList<>();
        final String laterReport;

        PendingCohort(Study study, ObjectNode fields) {
            this.study = study;
            this.fields = fields;
            JsonNode outcomeDocuments = fields.remove("outcomes");
            if (outcomeDocuments != null) {
                outcomeDocuments.forEach(outcomes::add);
            }
            JsonNode link = fields.remove("supersededBy");
            this.laterReport = link == null ? null : link.path("studyKey").asText() + "\n" + link.path("label").asText();
        }
    }
}
