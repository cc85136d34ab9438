package io.betterauth.jakarta.health;

import io.betterauth.jakarta.spi.StoreProbe;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link StoreProbe} with a bounded wait: on a small pool of daemon threads of its own (with the
 * application's class loader), the check waiting at most {@link #TIMEOUT} plus a second, so a store that hangs
 * (a connection pool waiting for a dead database) makes the check DOWN instead of holding the health endpoint. The
 * container's managed executor is not used: the health endpoint calls the checks outside the application's
 * context, so a contextual task would be aborted. The answer is empty when the store answered, else a short
 * reason: the store's own outage message or an exception's class name, never its message (it may quote a URL)
 * nor a stack trace.
 *
 * <p>The health endpoint is reachable by anyone who reaches the application, so the probes are bounded, not the
 * checks: a check asked while its store's probe is within its wait waits for that probe rather than starting another;
 * a probe that outlasted its wait is left to finish (an interrupt rarely ends a blocked read) and replaced by the
 * next check, so a store that recovered is UP again, but never beyond {@link #MAX_RUNNING} probes running at once.
 * A flood of checks against a hung store costs a few threads and connections, never one of each per request.
 */
@ApplicationScoped
public class ProbeRunner {

    /** How long a store may take to answer a probe. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** The most probes (of all stores) running at once; beyond it a stuck probe is waited for, not replaced. */
    static final int MAX_RUNNING = 4;

    private final Duration timeout;
    private final ExecutorService executor;
    /** Each store's latest probe: the one a check waits for while it is within its wait. */
    private final Map<StoreProbe, Started> latest = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();

    /** A probe and when it was started ({@link System#nanoTime()}). */
    private record Started(Future<Optional<String>> answer, long at) {
    }

    /** For CDI: {@link #TIMEOUT}, on daemon threads of its own. */
    public ProbeRunner() {
        this(Executors.newCachedThreadPool(ProbeRunner::daemon), TIMEOUT);
    }

    /** On {@code executor} (null: the caller's thread), waiting at most {@code timeout} plus a second. */
    ProbeRunner(ExecutorService executor, Duration timeout) {
        this.timeout = timeout;
        this.executor = executor;
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "better-auth-health-probe");
        thread.setDaemon(true);
        return thread;
    }

    @PreDestroy
    void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Empty when {@code probe} answered within the timeout; otherwise why not, in a few words. */
    public Optional<String> failure(StoreProbe probe) {
        if (executor == null) {
            return run(probe, timeout);
        }
        long waitMillis = timeout.toMillis() + 1000;
        Future<Optional<String>> answer;
        try {
            answer = latest.compute(probe, (p, last) -> last != null && !last.answer().isDone()
                    && (System.nanoTime() - last.at() < TimeUnit.MILLISECONDS.toNanos(waitMillis)
                    || running.get() >= MAX_RUNNING) ? last : start(p)).answer();
        } catch (RejectedExecutionException e) {
            return run(probe, timeout);
        }
        try {
            return answer.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Not cancelled: an interrupt rarely ends a blocked read; the next check replaces it (up to the bound).
            return Optional.of("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of(reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** The probe on a thread of the pool, with the application's class loader, counted while it runs. */
    private Started start(StoreProbe probe) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        running.incrementAndGet();
        try {
            return new Started(executor.submit(() -> {
                try {
                    Thread.currentThread().setContextClassLoader(application);
                    return run(probe, timeout);
                } finally {
                    running.decrementAndGet();
                }
            }), System.nanoTime());
        } catch (RejectedExecutionException e) {
            running.decrementAndGet();
            throw e;
        }
    }

    private static Optional<String> run(StoreProbe probe, Duration timeout) {
        try {
            probe.probe(timeout);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(reason(e));
        }
    }

    /** The library's own outage messages are short and credential-free; anything else is named by its class. */
    static String reason(Throwable e) {
        if (e instanceof StoreUnavailableException && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName();
    }
}
