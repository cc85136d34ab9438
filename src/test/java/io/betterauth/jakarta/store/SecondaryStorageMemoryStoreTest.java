package io.betterauth.jakarta.store;

import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import java.time.Clock;

/** The store contract on Better Auth's secondary-storage layout (secondary storage only), kept in memory. */
class SecondaryStorageMemoryStoreTest extends StoreContract {

    private final InMemoryUserStore users = new InMemoryUserStore();
    private final SecondaryStorageSessionStore sessions = new SecondaryStorageSessionStore(
            new InMemorySecondaryStorage(Clock.systemUTC()), users, Clock.systemUTC());

    @Override
    protected SessionStore sessions() {
        return sessions;
    }

    @Override
    protected UserStore users() {
        return users;
    }
}
