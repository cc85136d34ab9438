package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.store.jpa.JpaSessionStore;
import io.betterauth.jakarta.store.jpa.JpaUserStore;
import io.betterauth.jakarta.store.jpa.ResourceLocalTransactions;
import io.betterauth.jakarta.store.jpa.schema.SchemaInstaller;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resource-local units of work (Tomcat's path) nest as JTA's {@code REQUIRED} does: get-session's two reads share one
 * entity manager and one pooled connection, so a pool of one connection is enough and nothing waits for a second.
 */
class ResourceLocalTransactionsTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:20:30.456Z");
    private final IdGenerator ids = new IdGenerator();
    private EntityManagerFactory factory;
    private ResourceLocalTransactions tx;
    private JpaSessionStore sessions;
    private JpaUserStore users;

    @BeforeEach
    void start() throws SQLException {
        String url = "jdbc:h2:mem:tx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            SchemaInstaller.installIfMissing(c);
        }
        // Hibernate's built-in pool fails at once when all its connections are taken, rather than waiting.
        factory = Persistence.createEntityManagerFactory("better-auth-test", Map.of(
                "jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", "", "hibernate.connection.pool_size", "1"));
        tx = new ResourceLocalTransactions(factory);
        sessions = new JpaSessionStore(tx);
        users = new JpaUserStore(tx);
    }

    @AfterEach
    void stop() {
        factory.close();
    }

    private User newUser() {
        User u = new User(ids.generate(), "Test User", ids.generate(12).toLowerCase() + "@example.com", false, null,
                T0, T0);
        users.create(u, new Account(ids.generate(), u.id(), Account.CREDENTIAL_PROVIDER, u.id(), "00ff:abcd", T0, T0));
        return u;
    }

    @Test
    void getSessionsTwoReads_shareOneConnection() {
        User u = newUser();
        Session s = new Session(ids.generate(), ids.generate(), u.id(), T0.plusSeconds(604800), T0, T0, "", "");
        sessions.create(s);
        for (int i = 0; i < 3; i++) { // and the connection goes back to the pool every time
            assertThat(sessions.findWithUser(s.token(), users)).contains(new SessionAndUser(s, u));
        }
    }

    @Test
    void aFailureInsideANestedUnitOfWork_rollsTheOuterOneBack() {
        User u = newUser();
        Session s = new Session(ids.generate(), ids.generate(), u.id(), T0.plusSeconds(604800), T0, T0, "", "");
        assertThatThrownBy(() -> tx.inTransaction(em -> {
            sessions.create(s);
            users.create(u, new Account(ids.generate(), u.id(), Account.CREDENTIAL_PROVIDER, u.id(), "x", T0, T0));
            return null;
        })).isInstanceOf(RuntimeException.class);
        assertThat(sessions.findByToken(s.token())).isEmpty();
    }
}
