package org.cartevidence.pipeline;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.cartevidence.api.BodyLimit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The import's body limit, larger than the API's: the import reads its body as a stream and counts it (see
 * {@link CountedBody}) instead of buffering it, so a pipeline can post a large set of documents at once.
 */
@ApplicationScoped
class ImportLimit implements BodyLimit.StreamedRoute {

    /** The path of {@link ImportResource#importStudies}. */
    static final String PATH = "/api/v1/import";

    @ConfigProperty(name = "cartevidence.limits.max-import-size", defaultValue = "64M")
    MemorySize limit;

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public long limit() {
        return limit.asLongValue();
    }
}
