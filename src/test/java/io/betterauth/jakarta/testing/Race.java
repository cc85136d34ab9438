package io.betterauth.jakarta.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Calls made at once, for race tests: each on its own thread of the pool, released together by a barrier, then each
 * after a random jitter of its own (up to {@code maxJitterNanos}, spun rather than slept) so that repeated races go
 * through every interleaving. The pool needs at least as many threads as there are calls.
 */
public final class Race {

    private Race() {
    }

    /** The calls' results, in the calls' order; a call that threw fails the test. */
    public static <T> List<T> run(ExecutorService threads, long maxJitterNanos, List<? extends Callable<T>> calls) {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        List<Future<T>> running = new ArrayList<>();
        for (Callable<T> call : calls) {
            running.add(threads.submit(() -> {
                long jitter = maxJitterNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(maxJitterNanos + 1);
                start.await();
                long until = System.nanoTime() + jitter;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                return call.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : running) {
            try {
                results.add(f.get(2, TimeUnit.MINUTES)); // a guard against a hang, not a measure of speed
            } catch (Exception e) {
                throw new AssertionError("A racing call failed", e);
            }
        }
        return results;
    }

    public static void run(ExecutorService threads, long maxJitterNanos, Runnable... calls) {
        run(threads, maxJitterNanos, Arrays.stream(calls).map(c -> (Callable<Object>) () -> {
            c.run();
            return null;
        }).toList());
    }
}
