package io.betterauth.jakarta.store;

import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import io.betterauth.jakarta.store.secondary.TieredSessionStore;
import java.time.Clock;

/** The store contract on {@code storeSessionInDatabase + preserveSessionInDatabase}, in memory. */
class TieredStorePreserveTest extends StoreContract {

    private final InMemoryUserStore users = new InMemoryUserStore();
    private final TieredSessionStore sessions = TieredSessionStore.preserveSessionInDatabase(
            new SecondaryStorageSessionStore(new InMemorySecondaryStorage(), users, Clock.systemUTC()),
            new InMemorySessionStore(), Clock.systemUTC());

    @Override
    protected SessionStore sessions() {
        return sessions;
    }

    @Override
    protected UserStore users() {
        return users;
    }
}
