package io.betterauth.jakarta.core.session;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A fixed number of locks, one chosen per key by the key's hash: work on one key (a session token, a storage key) is
 * serialised within this JVM without a lock per key, at the cost of keys in the same stripe waiting for each other.
 * Used for the single-flight refresh of a session and for the conditional writes made of plain get/set/delete.
 */
public final class StripedLocks {

    private final Lock[] locks;

    /** @param stripes how many locks; more stripes, fewer unrelated keys waiting for each other */
    public StripedLocks(int stripes) {
        if (stripes <= 0) {
            throw new IllegalArgumentException("stripes must be positive");
        }
        locks = new Lock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The lock of {@code key}'s stripe (reentrant). */
    public Lock forKey(String key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }

    /** Runs {@code work} holding the lock of {@code key}'s stripe. */
    public <T> T withLock(String key, Supplier<T> work) {
        Lock lock = forKey(key);
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
