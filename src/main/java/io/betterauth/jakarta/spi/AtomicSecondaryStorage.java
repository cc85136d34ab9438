package io.betterauth.jakarta.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * A {@link SecondaryStorage} whose store can read and write a key in one atomic step, for every client of the store at
 * once (every instance of the application, Java or Node): Better Auth 1.7's {@code increment} and
 * {@code getAndDelete}, and two conditional writes of this library's own. An optional capability, as Spring Session's
 * {@code FindByIndexNameSessionRepository} is: an implementation of the three plain operations stays valid, and
 * callers check for this interface. The Redis and in-memory storages implement it; an application's own storage
 * should, when its store can.
 *
 * <p>Without it, {@link io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore} makes its read-then-write
 * steps atomic within this JVM only, so a sign-out on one instance can be undone by a concurrent session or user
 * update on another (a key written back, missing from {@code active-sessions-<userId>}).
 *
 * <p>The rules of {@link SecondaryStorage} hold: a {@code ttl} is at least one second (an implementation may round a
 * sub-second remainder, never to zero), an expired value counts as absent, and a store that cannot be reached or
 * answers with an error fails with {@link StoreUnavailableException}. A call that failed that way may or may not have
 * taken effect.
 */
public interface AtomicSecondaryStorage extends SecondaryStorage {

    /**
     * Better Auth's {@code increment(key, ttl)}: adds one to the counter under {@code key} and answers the count after
     * the increment. An absent key is created with the value {@code 1} and this {@code ttl}; later increments keep
     * that time to live, never extending it, so the counter expires a fixed window after its first increment (a
     * fixed-window rate limit: {@code increment(key, window) <= max} allows the request). A counter found without a
     * time to live gets this one, so no counter lives forever. Concurrent increments are never lost: N calls from
     * any number of clients raise the count by exactly N.
     *
     * @param ttl the window, set on the first increment; at least one second
     * @return the count after this increment, {@code 1} for the first one of a window
     * @throws IllegalArgumentException  when {@code ttl} is zero or negative
     * @throws StoreUnavailableException when the store cannot be reached, or the value under {@code key} is not an
     *                                   integer (or would overflow a {@code long})
     */
    long increment(String key, Duration ttl);

    /**
     * Better Auth's {@code getAndDelete(key)}: deletes {@code key} and answers the value it held, in one step, so of
     * concurrent callers exactly one receives the value (a single-use credential is consumed once).
     *
     * @return the value deleted; empty when there was none or it had expired
     * @throws StoreUnavailableException when the store cannot be reached
     */
    Optional<String> getAndDelete(String key);

    /**
     * Stores {@code value} under {@code key}, with its own time to live, only when the key holds exactly
     * {@code expected} at that moment (Redis: {@code SET key value EX ttl} inside one script after comparing);
     * {@code expected == null} means only when the key is absent ({@code SET NX}). A key deleted since it was read is
     * never written back: the write that would have revived it does nothing and answers {@code false}.
     *
     * @param expected the value the key must hold (compared as a string, exactly), or {@code null}: it must be absent
     * @param ttl      how long {@code value} lives; at least one second
     * @return whether {@code value} was written
     * @throws IllegalArgumentException  when {@code ttl} is zero or negative
     * @throws StoreUnavailableException when the store cannot be reached
     */
    boolean compareAndSet(String key, String expected, String value, Duration ttl);

    /**
     * Deletes {@code key} only when it holds exactly {@code expected} at that moment.
     *
     * @return whether the key was deleted
     * @throws StoreUnavailableException when the store cannot be reached
     */
    boolean compareAndDelete(String key, String expected);
}
