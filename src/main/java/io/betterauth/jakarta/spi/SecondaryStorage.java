package io.betterauth.jakarta.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * Better Auth's {@code secondaryStorage}: a shared key-value store (Redis, typically) holding sessions so that every
 * instance of the application, Java or Node, sees the same ones. Three string operations and nothing else; the
 * session layout on top of them is {@link io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore}'s. A
 * store that can also read and write in one atomic step implements {@link AtomicSecondaryStorage} (Better Auth 1.7's
 * {@code increment} and {@code getAndDelete}, and conditional writes), which the library then uses.
 *
 * <p>Values are JSON strings, written byte for byte as Better Auth writes them; an implementation stores and returns
 * them unchanged. Every value is written with a time to live, and that {@code ttl} is always at least one second:
 * callers never pass zero, which Redis would read as "forever" (better-auth#10992). An implementation may round a
 * sub-second remainder, never to zero.
 *
 * <p>An implementation fails with {@link StoreUnavailableException} when its store cannot be reached or answers with
 * an error, within a bounded time; the HTTP layer answers 503. It must recover by itself when the store is back.
 * Implementations are thread-safe. An application can provide its own as a CDI bean of this type.
 */
public interface SecondaryStorage {

    /**
     * The value stored under {@code key}; empty when there is none or it has expired.
     *
     * @throws StoreUnavailableException when the store cannot be reached
     */
    Optional<String> get(String key);

    /**
     * Stores {@code value} (a JSON string) under {@code key}, replacing any previous value and its time to live.
     *
     * @param ttl how long the value lives; at least one second
     * @throws IllegalArgumentException when {@code ttl} is zero or negative
     * @throws StoreUnavailableException when the store cannot be reached
     */
    void set(String key, String value, Duration ttl);

    /**
     * Deletes {@code key}; deleting a missing key is not an error.
     *
     * @throws StoreUnavailableException when the store cannot be reached
     */
    void delete(String key);
}
