package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import java.time.Duration;
import java.util.Optional;

/** A secondary storage that is down: every call fails with {@link StoreUnavailableException}. */
final class UnreachableStorage implements SecondaryStorage {

    @Override
    public Optional<String> get(String key) {
        throw new StoreUnavailableException("down", null);
    }

    @Override
    public void set(String key, String value, Duration ttl) {
        throw new StoreUnavailableException("down", null);
    }

    @Override
    public void delete(String key) {
        throw new StoreUnavailableException("down", null);
    }
}
