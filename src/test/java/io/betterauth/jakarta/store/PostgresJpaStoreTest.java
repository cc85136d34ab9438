package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.session.AdditionalFields;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.store.jpa.schema.AdditionalColumns;
import io.betterauth.jakarta.store.jpa.JdbcPersistenceUnit;
import io.betterauth.jakarta.store.jpa.JpaSessionStore;
import io.betterauth.jakarta.store.jpa.schema.SessionWithUserQuery;
import io.betterauth.jakarta.store.jpa.JpaUserStore;
import io.betterauth.jakarta.store.jpa.ResourceLocalTransactions;
import io.betterauth.jakarta.store.redis.TcpProxy;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against the real PostgreSQL on 127.0.0.1:5432 (database {@code test}), in a schema of its own. */
class PostgresJpaStoreTest extends JpaStoreContract {

    static final String URL = System.getProperty("test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String schema = "ba_store_" + System.nanoTime();

    @Override
    protected String createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, user(), ""); Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
        }
        return URL + "?currentSchema=" + schema;
    }

    @Override
    protected void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, user(), ""); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Override
    protected String user() {
        return System.getProperty("test.postgres.user", "postgres");
    }

    /**
     * Issue #15, finding 9, the other half: with the input checked before the store, a database that goes away is
     * still an outage (503 {@code SERVICE_UNAVAILABLE}, {@link StoreUnavailableException}), not a 400; input no
     * column can hold is 400 whether the database answers or not.
     */
    @Test
    void aDatabaseThatGoesAway_isStillAnOutage_whileInputItCannotHoldIs400() throws Exception {
        URI server = URI.create(URL.substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort())) {
            proxy.start();
            EntityManagerFactory factory = Persistence.createEntityManagerFactory("better-auth-test", Map.of(
                    "jakarta.persistence.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath()
                            + "?currentSchema=" + schema,
                    "jakarta.persistence.jdbc.user", user(),
                    "jakarta.persistence.jdbc.password", ""));
            try {
                ResourceLocalTransactions tx = new ResourceLocalTransactions(factory);
                Auth auth = Auth.over(new JpaUserStore(tx, new AdditionalColumns(USER_FIELDS, "user", "id", '"')),
                        new JpaSessionStore(tx, new AdditionalColumns(SESSION_FIELDS, "session", "token", '"')),
                        columnLimits());
                auth.signUp(ColumnLimitChecks.signUpBody(ColumnLimitChecks.email(), "\"name\":\"Before\""));
                proxy.stop();
                assertThatThrownBy(() -> auth.signUp(ColumnLimitChecks.signUpBody(ColumnLimitChecks.email(),
                        "\"name\":\"During\""))).isInstanceOf(StoreUnavailableException.class);
                ColumnLimitChecks.refused(() -> auth.signUp(ColumnLimitChecks.signUpBody(ColumnLimitChecks.email(),
                        "\"name\":\"NUL\\u0000\"")), "[body.name] Invalid string");
            } finally {
                factory.close();
            }
        }
    }

    /**
     * Issue 20: get-session's one statement, on a connection to a PostgreSQL that goes away, is an outage
     * ({@link StoreUnavailableException}: 503, nobody signed out), and reads again once the database is back.
     */
    @Test
    void getSessionsOneStatement_whenPostgresGoesAway_isAnOutage() throws Exception {
        URI server = URI.create(URL.substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort())) {
            proxy.start();
            try (JdbcPersistenceUnit unit = JdbcPersistenceUnit.open("jdbc:postgresql://127.0.0.1:" + proxy.port()
                    + server.getPath() + "?currentSchema=" + schema, user(), "", names())) {
                AdditionalColumns userColumns = new AdditionalColumns(AdditionalFields.none(),
                        names().user().modelName(), "id", '"');
                JpaUserStore users = new JpaUserStore(unit.transactions(), userColumns);
                AdditionalColumns none = new AdditionalColumns(AdditionalFields.none(), names().session().modelName(),
                        names().session().column("token"), '"');
                JpaSessionStore sessions = new JpaSessionStore(unit.transactions(), none,
                        new SessionWithUserQuery(unit.dataSource(), names(), '"', none, userColumns));
                User u = newUser(email());
                Session s = newSession(u, T0);
                assertThat(sessions.findWithUser(s.token(), users)).isPresent();
                proxy.stop();
                assertThatThrownBy(() -> sessions.findWithUser(s.token(), users))
                        .isInstanceOf(StoreUnavailableException.class);
            }
        }
    }
}
