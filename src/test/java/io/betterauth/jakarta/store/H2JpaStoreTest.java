package io.betterauth.jakarta.store;

import java.util.UUID;

class H2JpaStoreTest extends JpaStoreContract {

    @Override
    protected String createDatabase() {
        return "jdbc:h2:mem:ba-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    protected void dropDatabase() {
        // in memory: gone with the JVM
    }

    @Override
    protected String user() {
        return "sa";
    }
}
