package io.betterauth.jakarta.config.option;

/**
 * Ours: the scheduled deletion of expired session and stale verification rows (keys {@code better-auth.purge.*}).
 *
 * @param enabled   run it at all (default true; an interval or batch size of 0 also disables it)
 * @param interval  seconds between runs (3600)
 * @param batchSize rows deleted per transaction (500)
 */
public record PurgeOptions(boolean enabled, long interval, int batchSize) {

    /** True when the purge runs. */
    public boolean active() {
        return enabled && interval > 0 && batchSize > 0;
    }
}
