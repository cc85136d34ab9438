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

/**
 * Runs a {@link StoreProbe} with a bounded wait: on a small pool of daemon threads of its own (with the
 * application's class loader), the check waiting at most {@link #TIMEOUT} plus a second, so a store that hangs
 * (a connection pool waiting for a dead database) makes the check DOWN instead of holding the health endpoint. The
 * container's managed executor is not used: the health endpoint calls the checks outside the application's
 * context, so a contextual task would be aborted. The answer is empty when the store answered, else a short
 * reason: the store's own outage message or an exception's class name, never its message (it may quote a URL)
 * nor a stack trace.
 *
 * <p>One probe of a store at a time: a check asked while that store's probe still runs waits for it rather than
 * starting another, and a probe that outlasts its wait is left to finish, not interrupted and replaced. The health
 * endpoint is reachable by anyone who reaches the application, so a flood of checks against a hung store costs one
 * thread and one connection, never one of each per request.
 */
@ApplicationScoped
public class ProbeRunner {

    /** How long a store may take to answer a probe. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Duration timeout;
    private final ExecutorService executor;
    /** Each store's probe while it runs (or its last one): the probe later checks wait for instead of starting one. */
    private final Map<StoreProbe, Future<Optional<String>>> running = new ConcurrentHashMap<>();

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
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        Future<Optional<String>> answer;
        try {
            answer = running.compute(probe, (p, inFlight) -> inFlight != null && !inFlight.isDone() ? inFlight
                    : executor.submit(() -> {
                        Thread.currentThread().setContextClassLoader(application);
                        return run(p, timeout);
                    }));
        } catch (RejectedExecutionException e) {
            return run(probe, timeout);
        }
        try {
            return answer.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Not cancelled: an interrupt rarely ends a blocked read, and a cancelled probe would be replaced by a
            // new one on the next check while its thread stays stuck.
            return Optional.of("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of(reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
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
