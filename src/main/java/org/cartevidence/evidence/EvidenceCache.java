package org.cartevidence.evidence;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.cartevidence.audit.Revisions;

/**
 * Keeps computed evidence answers (pooled estimates, summary counts) until the data changes: the key is the question
 * (the request's path and its query parameters, in a canonical order) and the data's last revision, so any write
 * makes every older answer unreachable, on every instance that shares the database. Bounded in size (see
 * application.properties); what falls out is computed again.
 */
@ApplicationScoped
public class EvidenceCache {

    /** Parameters that change the answer's format, not its content. */
    private static final List<String> FORMAT_ONLY = List.of("format");

    @Inject
    @CacheName("evidence")
    Cache cache;

    @Inject
    Revisions revisions;

    @SuppressWarnings("unchecked")
    <T> T get(UriInfo question, Supplier<T> answer) {
        // The revision is read before the answer is computed: an answer can only be newer than its key, never older.
        String key = revisions.latest() + " " + question.getPath() + " " + canonical(question);
        try {
            return (T) cache.get(key, k -> answer.get()).await().indefinitely();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static String canonical(UriInfo question) {
        Map<String, List<String>> sorted = new TreeMap<>();
        question.getQueryParameters().forEach((name, values) -> {
            if (!FORMAT_ONLY.contains(name)) {
                sorted.put(name, values.stream().sorted().toList());
            }
        });
        return sorted.toString();
    }
}
