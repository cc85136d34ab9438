package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@link AtomicSecondaryStorage} in this JVM that answers each call after a random moment (up to
 * {@code maxLatencyNanos}), as a storage across a network does: races between servers sharing an in-memory
 * storage then interleave as they would on Redis. Every call reaches the wrapped storage unchanged.
 */
final class LatentStorage implements AtomicSecondaryStorage {

    private final AtomicSecondaryStorage storage;
    private final long maxLatencyNanos;

    LatentStorage(AtomicSecondaryStorage storage, long maxLatencyNanos) {
        this.storage = storage;
        this.maxLatencyNanos = maxLatencyNanos;
    }

    /** Waits off the CPU, as a thread blocked on a socket does, so that the other racing threads run meanwhile. */
    private void latency() {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(maxLatencyNanos + 1));
    }

    @Override
    public Optional<String> get(String key) {
        latency();
        return storage.get(key);
    }

    @Override
    public void set(String key, String value, Duration ttl) {
        latency();
        storage.set(key, value, ttl);
    }

    @Override
    public void delete(String key) {
        latency();
        storage.delete(key);
    }

    @Override
    public long increment(String key, Duration ttl) {
        latency();
        return storage.increment(key, ttl);
    }

    @Override
    public Optional<String> getAndDelete(String key) {
        latency();
        return storage.getAndDelete(key);
    }

    @Override
    public boolean compareAndSet(String key, String expected, String value, Duration ttl) {
        latency();
        return storage.compareAndSet(key, expected, value, ttl);
    }

    @Override
    public boolean compareAndDelete(String key, String expected) {
        latency();
        return storage.compareAndDelete(key, expected);
    }
}
