package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.option.PurgeOptions;
import io.betterauth.jakarta.core.session.SessionPurger;
import io.betterauth.jakarta.spi.ExpiredSessionPurge;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Schedules the purge of expired sessions and stale verification rows on the container's managed scheduled
 * executor (every {@code better-auth.purge.interval} seconds, the first run within a minute); cancelled at
 * shutdown. Not with {@code preserve-session-in-database}, whose rows are meant to stay.
 */
final class PurgeScheduler {

    private PurgeScheduler() {
    }

    /** Schedules the purge on the table store, when it has one and the purge is on; a no-op otherwise. */
    static void schedule(BetterAuthConfig config, ExpiredSessionPurge store, Closeables closeables) {
        PurgeOptions purge = config.purge();
        if (store == null || !purge.active() || config.session().preserveSessionInDatabase()) {
            return;
        }
        SessionPurger purger = new SessionPurger(store, Clock.systemUTC(), purge.batchSize(), 100);
        ScheduledFuture<?> task = executor(closeables).scheduleWithFixedDelay(purger,
                Math.min(60, purge.interval()), purge.interval(), TimeUnit.SECONDS);
        closeables.addFirst(() -> task.cancel(false)); // first: before the stores it uses close
    }

    /**
     * The container's managed executor, looked up rather than {@code @Resource}-injected so a servlet container
     * without Jakarta Concurrency (Tomcat) still deploys: there the library runs one daemon thread of its own,
     * stopped with the application.
     */
    private static ScheduledExecutorService executor(Closeables closeables) {
        try {
            return InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        } catch (NamingException | RuntimeException e) {
            ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "better-auth-purge");
                t.setDaemon(true);
                return t;
            });
            closeables.add(own::shutdownNow);
            return own;
        }
    }
}
