package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.spi.ExpiredSessionPurge;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * One run of the scheduled purge: calls {@link ExpiredSessionPurge#purgeExpired} batch after batch until a batch
 * comes back short, at most {@code maxBatches} times per run (the next run goes on). A failure is logged and left to
 * the next run; it never stops the schedule.
 */
public record SessionPurger(ExpiredSessionPurge store, Clock clock, int batchSize, int maxBatches)
        implements Runnable {

    private static final Logger LOG = System.getLogger(SessionPurger.class.getName());

    public SessionPurger {
        if (batchSize <= 0 || maxBatches <= 0) {
            throw new IllegalArgumentException("batchSize and maxBatches must be positive");
        }
    }

    @Override
    public void run() {
        purge();
    }

    /** Runs the batches; answers the rows deleted (−1 after a failure). */
    public long purge() {
        long total = 0;
        try {
            for (int i = 0; i < maxBatches; i++) {
                int deleted = store.purgeExpired(clock.instant(), batchSize);
                total += deleted;
                if (deleted == 0) {
                    break;
                }
            }
            if (total > 0) {
                LOG.log(Level.DEBUG, "Purged {0} expired session and verification rows", total);
            }
            return total;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging expired sessions failed; the next run retries: " + e);
            return -1;
        }
    }
}
