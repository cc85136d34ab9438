package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link RevokeRaceContract} on an application's own storage that offers only get, set and delete (not
 * {@link io.betterauth.jakarta.spi.AtomicSecondaryStorage}), two store instances in this JVM each on its own view of
 * it, with a network's latency ({@link LatentStorage}): the store makes its conditional writes under locks every
 * store in this JVM shares.
 */
class RevokeRacePlainStorageTest extends RevokeRaceContract {

    private final InMemorySecondaryStorage shared = new InMemorySecondaryStorage();
    private final SecondaryStorage viewA = plain(new LatentStorage(shared, 100_000));
    private final SecondaryStorage viewB = plain(new LatentStorage(shared, 100_000));

    static SecondaryStorage plain(SecondaryStorage storage) {
        return new SecondaryStorage() {
            @Override
            public Optional<String> get(String key) {
                return storage.get(key);
            }

            @Override
            public void set(String key, String value, Duration ttl) {
                storage.set(key, value, ttl);
            }

            @Override
            public void delete(String key) {
                storage.delete(key);
            }
        };
    }

    @Override
    SecondaryStorage serverA() {
        return viewA;
    }

    @Override
    SecondaryStorage serverB() {
        return viewB;
    }

    @Override
    long maxJitterNanos() {
        return 100_000;
    }
}
