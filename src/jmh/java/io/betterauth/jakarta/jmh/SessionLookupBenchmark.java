package io.betterauth.jakarta.jmh;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.ModelNames;
import io.betterauth.jakarta.core.session.AdditionalFields;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.store.jpa.JdbcPersistenceUnit;
import io.betterauth.jakarta.store.jpa.JpaSessionStore;
import io.betterauth.jakarta.store.jpa.JpaUserStore;
import io.betterauth.jakarta.store.jpa.schema.AdditionalColumns;
import io.betterauth.jakarta.store.jpa.schema.SchemaInstaller;
import io.betterauth.jakarta.store.jpa.schema.SessionWithUserQuery;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * get-session's store read on PostgreSQL (issue 20), through the library's own pool ({@code better-auth.database.url}
 * with Hibernate, as on Tomcat): through the entities (an entity manager, {@code BEGIN}, two queries, {@code COMMIT})
 * against one prepared statement in autocommit. Average time per lookup, the database's included; needs the
 * PostgreSQL of the tests ({@code -Dbench.postgres.url}, default {@code jdbc:postgresql://127.0.0.1:5432/test},
 * user postgres), in a schema of its own dropped afterwards.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class SessionLookupBenchmark {

    static final String URL = System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("bench.postgres.user", "postgres");

    private final String schema = "ba_jmh_" + System.nanoTime();
    private JdbcPersistenceUnit unit;
    private JpaUserStore users;
    private JpaSessionStore throughEntities;
    private JpaSessionStore oneStatement;
    private String token;

    @Setup
    public void setup() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
        }
        String url = URL + "?currentSchema=" + schema;
        try (Connection c = DriverManager.getConnection(url, USER, "")) {
            SchemaInstaller.installIfMissing(c, ModelNames.defaults());
        }
        unit = JdbcPersistenceUnit.open(url, USER, "");
        AdditionalColumns sessionColumns = new AdditionalColumns(AdditionalFields.none(), "session", "token", '"');
        AdditionalColumns userColumns = new AdditionalColumns(AdditionalFields.none(), "user", "id", '"');
        users = new JpaUserStore(unit.transactions(), userColumns);
        throughEntities = new JpaSessionStore(unit.transactions(), sessionColumns);
        oneStatement = new JpaSessionStore(unit.transactions(), sessionColumns,
                new SessionWithUserQuery(unit.dataSource(), ModelNames.defaults(), '"', sessionColumns, userColumns));
        IdGenerator ids = new IdGenerator();
        Instant now = Instant.parse("2025-06-01T12:00:00.000Z");
        User user = new User(ids.generate(), "Bench User", "bench@example.com", false, null, now, now);
        users.create(user, new Account(ids.generate(), user.id(), Account.CREDENTIAL_PROVIDER, user.id(), "00:00",
                now, now));
        Session session = new Session(ids.generate(), ids.generate(), user.id(), now.plusSeconds(604800), now, now,
                "127.0.0.1", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)");
        oneStatement.create(session);
        token = session.token();
        if (!throughEntities.findWithUser(token, users).equals(oneStatement.findWithUser(token, users))) {
            throw new IllegalStateException("The two reads differ");
        }
    }

    @TearDown
    public void tearDown() throws SQLException {
        unit.close();
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Benchmark
    public Optional<SessionAndUser> throughEntities() {
        return throughEntities.findWithUser(token, users);
    }

    @Benchmark
    public Optional<SessionAndUser> oneStatement() {
        return oneStatement.findWithUser(token, users);
    }
}
