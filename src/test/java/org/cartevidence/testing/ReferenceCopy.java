package org.cartevidence.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A copy of the reference studies that belongs to one test class: every study key gets the copy's prefix and every
 * study runs in the copy's own country, so that {@code country=<country>} selects exactly these records whatever
 * other tests have written. Their later-report links point at the copy's own cohorts.
 */
public final class ReferenceCopy {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final String country;

    private ReferenceCopy(String prefix, String country) {
        this.prefix = prefix;
        this.country = country;
    }

    private static final Map<Class<?>, ReferenceCopy> COPIES = new ConcurrentHashMap<>();

    /**
     * The copy of one test class, imported through the API (as the curator) when first asked for: the application
     * and its port are known only once a test runs.
     */
    public static ReferenceCopy of(Class<?> testClass) {
        return COPIES.computeIfAbsent(testClass, c -> load(c.getSimpleName().toLowerCase(java.util.Locale.ROOT)));
    }

    private static ReferenceCopy load(String name) {
        String prefix = ApiTest.uniqueKey(name) + "-";
        ReferenceCopy copy = new ReferenceCopy(prefix, "Testland-" + prefix.substring(0, prefix.length() - 1));
        StringBuilder ndjson = new StringBuilder();
        for (ObjectNode study : copy.documents()) {
            ndjson.append(study).append('\n');
        }
        ApiTest.curator().contentType("application/x-ndjson").accept("application/json")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/import")
                .then().statusCode(200);
        return copy;
    }

    /** The country every study of the copy, and no other record, runs in. */
    public String country() {
        return country;
    }

    /** What the copy puts in front of every reference study key. */
    public String prefix() {
        return prefix;
    }

    /** The reference key of one of the copy's study keys. */
    public String referenceKey(String key) {
        if (!key.startsWith(prefix)) {
            throw new AssertionError(key + " is not a study of this copy (" + prefix + "...)");
        }
        return key.substring(prefix.length());
    }

    private List<ObjectNode> documents() {
        List<ObjectNode> studies = new ArrayList<>();
        try (InputStream in = ReferenceCopy.class.getResourceAsStream("/reference-data/studies.ndjson")) {
            if (in == null) {
                throw new IllegalStateException("reference-data/studies.ndjson is not on the class path");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode study = (ObjectNode) JSON.readTree(line);
                study.put("key", prefix + study.get("key").asText());
                study.putArray("countries").add(country);
                for (JsonNode cohort : study.path("cohorts")) {
                    if (cohort.get("supersededBy") instanceof ObjectNode later) {
                        later.put("studyKey", prefix + later.get("studyKey").asText());
                    }
                }
                studies.add(study);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return studies;
    }
}
