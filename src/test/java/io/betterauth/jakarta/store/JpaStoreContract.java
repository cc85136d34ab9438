package io.betterauth.jakarta.store;

import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.jpa.JpaSessionStore;
import io.betterauth.jakarta.store.jpa.JpaUserStore;
import io.betterauth.jakarta.store.jpa.ResourceLocalTransactions;
import io.betterauth.jakarta.store.jpa.SchemaInstaller;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The store contract on JPA (Hibernate, as WildFly runs it) against a real database whose tables are created by
 * the DDL the JAR ships. Each subclass gets a database or schema of its own and drops it afterwards. A database
 * that cannot be reached fails the run: these tests never skip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaStoreContract extends StoreContract {

    private EntityManagerFactory factory;
    private JpaSessionStore sessions;
    private JpaUserStore users;

    /** The JDBC URL of a fresh, empty database or schema. */
    protected abstract String createDatabase() throws SQLException;

    protected abstract void dropDatabase() throws SQLException;

    protected abstract String user();

    @BeforeAll
    void start() throws SQLException {
        String url = createDatabase();
        try (Connection c = DriverManager.getConnection(url, user(), "")) {
            SchemaInstaller.installIfMissing(c);
        }
        factory = Persistence.createEntityManagerFactory("better-auth-test", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user(),
                "jakarta.persistence.jdbc.password", ""));
        ResourceLocalTransactions tx = new ResourceLocalTransactions(factory);
        sessions = new JpaSessionStore(tx);
        users = new JpaUserStore(tx);
    }

    @AfterAll
    void stop() throws SQLException {
        if (factory != null) {
            factory.close();
        }
        dropDatabase();
    }

    @Override
    protected SessionStore sessions() {
        return sessions;
    }

    @Override
    protected UserStore users() {
        return users;
    }
}
