package org.cartevidence.testing;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Requests sent from several threads at once, for tests of concurrent writers. */
public final class Race {

    private Race() {
    }

    /** Sends writer w's request (w from 0) from each of {@code writers} threads at once; their statuses in order. */
    public static List<Integer> statuses(int writers, IntFunction<Response> write) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                sent.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return write.apply(writer).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> writer : sent) {
                statuses.add(writer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
