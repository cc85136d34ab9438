package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import java.util.Optional;
import java.util.function.Function;

/**
 * A change of one key made by reading it and writing the result back only if the key still holds what was read
 * ({@link AtomicSecondaryStorage#compareAndSet}): on a miss another writer landed in between, so the key is read again
 * and the change made again, {@value #MAX_ATTEMPTS} times at most. Concurrent changes are then all kept, and a key
 * deleted meanwhile is never written back.
 */
final class ConditionalWrites {

    /** Reads and conditional writes of one change before it gives up (each miss means another write landed). */
    static final int MAX_ATTEMPTS = 64;

    private ConditionalWrites() {
    }

    /**
     * Runs {@code attempt} with what {@code key} holds now until it answers a result; an empty answer means its
     * conditional write missed.
     *
     * @param what names the key in the failure, never quoting a token
     * @throws StoreUnavailableException when the key kept changing for {@value #MAX_ATTEMPTS} attempts
     */
    static <T> T retry(AtomicSecondaryStorage storage, String key, String what,
                       Function<Optional<String>, Optional<T>> attempt) {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            Optional<T> result = attempt.apply(storage.get(key));
            if (result.isPresent()) {
                return result.get();
            }
        }
        throw new StoreUnavailableException("Secondary storage: " + what + " kept changing during "
                + MAX_ATTEMPTS + " conditional writes", null);
    }
}
