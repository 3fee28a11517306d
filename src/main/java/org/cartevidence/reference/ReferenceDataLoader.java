package org.cartevidence.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.cartevidence.audit.Authors;
import org.cartevidence.pipeline.ImportResult;
import org.cartevidence.pipeline.ImportService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the reference studies (published CAR-T reports, see {@code reference-data/README.md}) into an empty
 * database at start. They ship in the export format and go through the import, so they pass the same checks as
 * any curated batch, in one transaction, recorded in the audit as written by {@value #AUTHOR}.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    static final String RESOURCE = "reference-data/studies.ndjson";

    /** The author the audit names for the reference data. */
    public static final String AUTHOR = "reference-data";
    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);

    @ConfigProperty(name = "cartevidence.reference-data.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    ImportService imports;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("reference data loading is off (cartevidence.reference-data.enabled=false)");
            return;
        }
        loadIfEmpty();
    }

    /** Loads the reference data unless the database already holds a study; answers the number of studies loaded. */
    public int loadIfEmpty() {
        boolean empty = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("select count(s) from Study s", Long.class).getSingleResult() == 0);
        if (!empty) {
            return 0;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("reference data " + RESOURCE + " is missing from the package");
            }
            return loaded(Authors.actingAs(AUTHOR, () -> imports.importDocuments(in, true, false)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads study documents (a JSON array) as the reference data does: all of them or, on any error, none. */
    public int load(JsonNode documents) {
        try {
            byte[] json = mapper.writeValueAsBytes(documents);
            return loaded(Authors.actingAs(AUTHOR,
                    () -> imports.importDocuments(new ByteArrayInputStream(json), false, false)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int loaded(ImportResult result) {
        LOG.infof("loaded reference data: %d studies, %d cohorts, %d outcomes", result.studies().created(),
                result.cohorts().created(), result.outcomes().created());
        return (int) result.studies().created();
    }
}
