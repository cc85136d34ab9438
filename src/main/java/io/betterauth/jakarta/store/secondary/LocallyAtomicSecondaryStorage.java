package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.core.session.StripedLocks;
import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import io.betterauth.jakarta.spi.SecondaryStorage;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A plain {@link SecondaryStorage} with the conditional writes of {@link AtomicSecondaryStorage} made of its get, set
 * and delete under a lock per key, so they are atomic among the callers in this JVM (every store built on a storage
 * here takes the same locks) and nowhere else: another instance of the application writes past them. Used by
 * {@link SecondaryStorageSessionStore} when the application's storage does not implement
 * {@link AtomicSecondaryStorage}.
 */
final class LocallyAtomicSecondaryStorage implements AtomicSecondaryStorage {

    /** Shared by every instance, so two stores over one plain storage in this JVM agree. */
    private static final StripedLocks LOCKS = new StripedLocks(256);

    private final SecondaryStorage storage;

    LocallyAtomicSecondaryStorage(SecondaryStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** The storage itself when it is atomic, else this wrapper around it. */
    static AtomicSecondaryStorage of(SecondaryStorage storage) {
        return storage instanceof AtomicSecondaryStorage atomic ? atomic : new LocallyAtomicSecondaryStorage(storage);
    }

    @Override
    public Optional<String> get(String key) {
        return storage.get(key);
    }

    @Override
    public void set(String key, String value, Duration ttl) {
        LOCKS.withLock(key, () -> {
            storage.set(key, value, ttl);
            return null;
        });
    }

    @Override
    public void delete(String key) {
        LOCKS.withLock(key, () -> {
            storage.delete(key);
            return null;
        });
    }

    /**
     * Not offered: with get and set alone a counter's time to live cannot be kept (each write would extend it, so a
     * fixed window would never close). The session store never counts, and the rate limiter asks the application's
     * own storage for {@link AtomicSecondaryStorage}, never this wrapper; it keeps a per-instance counter otherwise.
     */
    @Override
    public long increment(String key, Duration ttl) {
        throw new UnsupportedOperationException("increment needs the application's storage to be an AtomicSecondaryStorage");
    }

    @Override
    public Optional<String> getAndDelete(String key) {
        return LOCKS.withLock(key, () -> {
            Optional<String> value = storage.get(key);
            value.ifPresent(v -> storage.delete(key));
            return value;
        });
    }

    @Override
    public boolean compareAndSet(String key, String expected, String value, Duration ttl) {
        return LOCKS.withLock(key, () -> {
            if (!Objects.equals(storage.get(key).orElse(null), expected)) {
                return false;
            }
            storage.set(key, value, ttl);
            return true;
        });
    }

    @Override
    public boolean compareAndDelete(String key, String expected) {
        return LOCKS.withLock(key, () -> {
            if (!storage.get(key).equals(Optional.of(expected))) {
                return false;
            }
            storage.delete(key);
            return true;
        });
    }
}
