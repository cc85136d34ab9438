package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;

/**
 * {@link RevokeRaceContract} on one {@link InMemorySecondaryStorage} shared by two store instances, each reaching it
 * with a network's latency ({@link LatentStorage}).
 */
class RevokeRaceMemoryTest extends RevokeRaceContract {

    private final InMemorySecondaryStorage shared = new InMemorySecondaryStorage();
    private final SecondaryStorage serverA = new LatentStorage(shared, 100_000);
    private final SecondaryStorage serverB = new LatentStorage(shared, 100_000);

    @Override
    SecondaryStorage serverA() {
        return serverA;
    }

    @Override
    SecondaryStorage serverB() {
        return serverB;
    }

    @Override
    long maxJitterNanos() {
        return 100_000;
    }
}
