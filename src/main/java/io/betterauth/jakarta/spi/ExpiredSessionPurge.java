package io.betterauth.jakarta.spi;

import java.time.Instant;

/**
 * An optional capability of a {@link SessionStore}: deleting rows nobody can use any more — sessions whose
 * {@code expiresAt} has passed and stale {@code verification} rows — a bounded batch at a time, so the tables are
 * never locked for long. The library's scheduled purge calls it until a call deletes nothing.
 *
 * <p>Safe with several instances purging at once: a row another instance deleted first is simply not deleted again,
 * and no call fails because of it.
 */
public interface ExpiredSessionPurge {

    /**
     * Deletes at most {@code batch} sessions with {@code expiresAt < now} and at most {@code batch} verification rows
     * with {@code expiresAt < now}, each in its own short transaction.
     *
     * @return how many rows this call deleted (0 when there was nothing left to delete)
     * @throws StoreUnavailableException when the store cannot be reached
     */
    int purgeExpired(Instant now, int batch);
}
