package org.cartevidence.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Keeps read answers (list pages, single studies, pooled estimates, summary counts) until the data changes. The key
 * is the question (the request path and its query parameters in a canonical order) and the data's version (see
 * {@link DataVersion}): every write, deletions included, makes a new version, so it makes every older answer
 * unreachable, on every instance that shares the database. A hit costs at most one primary-key lookup (the version)
 * instead of the answer's queries. Bounded by weight (about one unit per item or pooled cohort an answer holds, see
 * {@link Weighed}); an answer heavier than the bound is computed but not kept. A refusal (an {@link ApiException},
 * say a pooled question with too many cohorts to list) is an answer too: it depends only on the question and the
 * data, and finding it out can cost as much as an answer.
 */
@ApplicationScoped
public class AnswerCache {

    /** An answer that says how much it holds. */
    public interface Weighed {
        int weight();
    }

    /** Parameters that change the answer's format, not its content. */
    private static final List<String> FORMAT_ONLY = List.of(FormatParameter.NAME);

    private final Cache<String, Object> answers;
    /**
     * The JSON of kept answers, written once: every request that asks the same question shares the answer, so it
     * can share its JSON too (serializing a page of 50 studies was most of a cached list request's time). Keyed by
     * the answer itself (weak, by identity), so an entry goes when its answer leaves the cache; bounded in bytes.
     */
    private final Cache<Object, byte[]> json;
    private final DataVersion version;
    private final ObjectMapper mapper;

    AnswerCache(DataVersion version, ObjectMapper mapper,
            @ConfigProperty(name = "cartevidence.cache.max-weight", defaultValue = "100000") long maxWeight,
            @ConfigProperty(name = "cartevidence.cache.max-json-bytes", defaultValue = "16000000") long maxJsonBytes) {
        this.version = version;
        this.mapper = mapper;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((String key, Object answer) -> answer instanceof Weighed w ? Math.max(1, w.weight()) : 1)
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
        this.json = Caffeine.newBuilder()
                .weakKeys()
                .maximumWeight(maxJsonBytes)
                .weigher((Object answer, byte[] bytes) -> bytes.length)
                .build();
    }

    /** The answer to the request's question: from the cache, or computed once (concurrent askers wait for it). */
    public <T> T get(UriInfo question, Supplier<T> answer) {
        return get(question.getPath() + " " + canonical(question), answer);
    }

    /** A page of a list, with its Link header. */
    public <T> RestResponse<PageResponse<T>> page(UriInfo question, Supplier<PageResponse<T>> page) {
        return Paging.respond(get(question, page), question);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String question, Supplier<T> answer) {
        // The version is read before the answer is computed: an answer can only be newer than its key, never older.
        Object kept = answers.get(version.latest() + " " + question, key -> {
            try {
                Object computed = answer.get();
                json.put(computed, NOT_WRITTEN);
                return computed;
            } catch (ApiException refused) {
                return new Refusal(refused);
            }
        });
        if (kept instanceof Refusal refusal) {
            throw refusal.problem;
        }
        return (T) kept;
    }

    /** Marks an answer of this cache whose JSON has not been asked for yet. */
    private static final byte[] NOT_WRITTEN = new byte[0];

    /**
     * The JSON of an answer this cache gave out, written on the first call and then reused (the same bytes Quarkus
     * REST would write, with the same object mapper); null for any other object.
     */
    byte[] json(Object answer) {
        byte[] written = json.getIfPresent(answer);
        if (written == null) {
            return null;
        }
        if (written == NOT_WRITTEN) {
            try {
                written = mapper.writeValueAsBytes(answer);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            json.put(answer, written);
        }
        return written;
    }

    /** A question the API refused, kept as its answer. */
    private record Refusal(ApiException problem) {
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
