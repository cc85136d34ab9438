package io.betterauth.jakarta.store;

import java.util.UUID;

class H2JpaJwksStoreTest extends JpaJwksStoreContract {

    @Override
    protected String createDatabase() {
        return "jdbc:h2:mem:ba-jwks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    protected void dropDatabase() {
        // in memory: gone with the JVM
    }

    @Override
    protected void dropSecond(String url) {
        // in memory: gone with the JVM
    }

    @Override
    protected String user() {
        return "sa";
    }
}
