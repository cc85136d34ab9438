package io.betterauth.jakarta.store;

import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;

class InMemoryStoreTest extends StoreContract {

    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final InMemoryUserStore users = new InMemoryUserStore();

    @Override
    protected SessionStore sessions() {
        return sessions;
    }

    @Override
    protected UserStore users() {
        return users;
    }
}
