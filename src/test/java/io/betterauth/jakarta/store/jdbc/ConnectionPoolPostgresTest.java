package io.betterauth.jakarta.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pool against the real PostgreSQL on 127.0.0.1:5432 (database {@code test}), its backends killed under it with
 * {@code pg_terminate_backend}, as a database restart or an administrator would: inside the validation window the
 * dead connections cost at most one request (an outage: 503), after it none, and the requests after recover with no
 * restart. The pool's clock is the test's, so "inside" and "after" do not depend on this machine's speed.
 */
class ConnectionPoolPostgresTest {

    static final String URL = System.getProperty("test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("test.postgres.user", "postgres");
    static final long WINDOW_MILLIS = 500;

    final AtomicLong now = new AtomicLong();
    final ConnectionPool pool = new ConnectionPool(() -> DriverManager.getConnection(URL, USER, ""), 4, 2000, 2,
            WINDOW_MILLIS, now::get);

    @AfterEach
    void close() {
        pool.close();
    }

    void passes(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** The backends of {@code n} connections the pool opened at once and holds idle. */
    List<Integer> idleBackends(int n) throws SQLException {
        List<Connection> held = new ArrayList<>();
        List<Integer> pids = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Connection c = pool.getConnection();
                held.add(c);
                pids.add(backend(c));
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        return pids;
    }

    static int backend(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_backend_pid()"); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Terminates the backends and waits (up to 5 s each) until they are gone. */
    static void kill(List<Integer> pids) throws SQLException {
        try (Connection admin = DriverManager.getConnection(URL, USER, "");
             PreparedStatement st = admin.prepareStatement("select pg_terminate_backend(?, 5000)")) {
            for (int pid : pids) {
                st.setInt(1, pid);
                try (ResultSet rs = st.executeQuery()) {
                    assertThat(rs.next() && rs.getBoolean(1)).as("backend %d terminated", pid).isTrue();
                }
            }
        }
    }

    /** {@code n} requests one after the other, each a statement on a borrowed connection: the failures. */
    List<SQLException> requests(int n, List<Integer> killed) {
        List<SQLException> failures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            passes(10);
            try (Connection c = pool.getConnection()) {
                assertThat(backend(c)).isNotIn(killed);
            } catch (SQLException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    @Test
    void backendsKilledInsideTheWindow_failAtMostOneRequest_anOutage_andTheNextOnesSucceed() throws SQLException {
        List<Integer> pids = idleBackends(3);
        kill(pids);

        List<SQLException> failures = requests(5, pids);
        assertThat(failures).hasSizeLessThanOrEqualTo(1).allMatch(JdbcOutages::isOutage); // 503, never a 500
        assertThat(requests(5, pids)).isEmpty();
    }

    @Test
    void backendsKilledLongerThanTheWindowAgo_failNoRequest() throws SQLException {
        List<Integer> pids = idleBackends(3);
        kill(pids);
        passes(WINDOW_MILLIS + 1);

        assertThat(requests(5, pids)).isEmpty();
    }
}
