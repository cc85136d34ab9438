package io.betterauth.jakarta.store;

import io.betterauth.jakarta.spi.JwksStore;
import io.betterauth.jakarta.store.memory.InMemoryJwksStore;

class InMemoryJwksStoreTest extends JwksStoreContract {

    private final InMemoryJwksStore jwks = new InMemoryJwksStore();

    @Override
    protected JwksStore jwks() {
        return jwks;
    }
}
