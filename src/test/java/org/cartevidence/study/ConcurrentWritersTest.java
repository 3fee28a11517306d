package org.cartevidence.study;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cartevidence.testing.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * Sixteen curators edit the same study at once, each with If-Match on the version it read, retrying when another
 * got there first (412, or 409 when the database's row lock timed out). No write may be lost or made on a stale
 * version: the successes are exactly the versions 1..n, the final version is n, and the history holds each one.
 */
@QuarkusTest
class ConcurrentWritersTest extends ApiTest {

    private static final int WRITERS = 16;
    /** Each failure of a writer means another writer succeeded meanwhile (at most 15 times), or a lock timed out. */
    private static final int ATTEMPTS = 60;

    @Test
    void concurrentConditionalWritesAreNeverLostNorMadeOnAStaleVersion() throws Exception {
        long id = createStudy();
        ConcurrentLinkedQueue<String> successes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> refusals = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Boolean>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String title = "written by writer " + w;
                writers.add(pool.submit((Callable<Boolean>) () -> {
                    start.await();
                    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                        Response read = given().get("/api/v1/studies/{id}", id);
                        read.then().statusCode(200);
                        long version = Long.parseLong(read.header("ETag").replace("\"", ""));
                        Response write = mergePatch().header("If-Match", read.header("ETag"))
                                .body(Map.of("title", title)).patch("/api/v1/studies/{id}", id);
                        if (write.statusCode() == 200) {
                            long written = write.jsonPath().getLong("version");
                            assertEquals(version + 1, written, "a success must be made on the version it read");
                            successes.add(written + " " + title);
                            return true;
                        }
                        assertTrue(write.statusCode() == 412 || write.statusCode() == 409,
                                "unexpected " + write.statusCode() + ": " + write.asString());
                        refusals.add(write.statusCode());
                    }
                    return false;
                }));
            }
            start.countDown();
            for (Future<Boolean> writer : writers) {
                assertTrue(writer.get(120, TimeUnit.SECONDS), "a writer gave up after " + ATTEMPTS + " attempts");
            }
        } finally {
            pool.shutdownNow();
        }

        Set<Long> versions = new HashSet<>();
        successes.forEach(s -> versions.add(Long.parseLong(s.split(" ", 2)[0])));
        assertEquals(WRITERS, successes.size());
        assertEquals(WRITERS, versions.size(), "two successes claim the same version: " + successes);
        assertEquals(WRITERS, versions.stream().mapToLong(Long::longValue).max().orElseThrow());
        Response last = given().get("/api/v1/studies/{id}", id);
        assertEquals(WRITERS, last.jsonPath().getLong("version"));

        // Every success is in the history, in version order, with the title it wrote.
        List<String> recorded = new ArrayList<>();
        Response history = given().queryParam("size", 100).get("/api/v1/studies/{id}/history", id);
        List<Integer> recordedVersions = history.jsonPath().getList("items.values.version", Integer.class);
        List<String> titles = history.jsonPath().getList("items.values.title", String.class);
        for (int i = 1; i < recordedVersions.size(); i++) {
            recorded.add(recordedVersions.get(i) + " " + titles.get(i));
        }
        assertEquals(successes.stream().sorted(java.util.Comparator.comparingLong(s -> Long.parseLong(s.split(" ", 2)[0])))
                .toList(), recorded);
        System.out.printf("concurrent writers: %d successes, %d refusals (412/409)%n", successes.size(), refusals.size());
    }
}
