package io.betterauth.jakarta.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Faults: the pool behind {@code better-auth.database.url} survives a database that went away and came back. */
class ConnectionPoolTest {

    static final long WINDOW_MILLIS = 500;

    /**
     * A fake physical connection: answers isValid from a shared "database up" flag, records what was done to it.
     * Its statements fail as PostgreSQL's do once the database is gone (57P01 when the query is sent, 08006 when
     * rows are fetched); a statement of the SQL {@code "too long"} fails with a data error (22001) instead.
     */
    final class Fake {
        boolean closed;
        boolean autoCommit = true;
        int rollbacks;
        int validations;
        final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "isValid" -> { validations++; yield up.get() && !closed; }
                    case "isClosed" -> closed;
                    case "close" -> { closed = true; yield null; }
                    case "getAutoCommit" -> autoCommit;
                    case "setAutoCommit" -> { autoCommit = (Boolean) args[0]; yield null; }
                    case "rollback" -> { rollbacks++; yield null; }
                    case "prepareStatement" -> statement((Connection) proxy, (String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    PreparedStatement statement(Connection physical, String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(ConnectionPoolTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "executeQuery" -> {
                        if (sql.equals("too long")) {
                            throw new SQLException("value too long for type character varying(255)", "22001");
                        }
                        if (!up.get()) {
                            throw new SQLException("FATAL: terminating connection due to administrator command",
                                    "57P01");
                        }
                        yield rows((PreparedStatement) proxy);
                    }
                    case "getConnection" -> physical;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    ResultSet rows(PreparedStatement physical) {
        return (ResultSet) Proxy.newProxyInstance(ConnectionPoolTest.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "next" -> {
                        if (!up.get()) {
                            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                        }
                        yield true;
                    }
                    case "getStatement" -> physical;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    final AtomicBoolean up = new AtomicBoolean(true);
    final List<Fake> opened = new ArrayList<>();
    /** The pool's clock: tests move it rather than sleep. */
    final AtomicLong now = new AtomicLong();

    ConnectionPool pool(int max) {
        return new ConnectionPool(() -> {
            if (!up.get()) {
                throw new SQLException("Connection refused", "08001");
            }
            Fake f = new Fake();
            opened.add(f);
            return f.connection;
        }, max, 200, 1, WINDOW_MILLIS, now::get);
    }

    void passes(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    int validations() {
        return opened.stream().mapToInt(f -> f.validations).sum();
    }

    /** One request: a statement on a borrowed connection; the failure, if any. */
    static Throwable request(ConnectionPool pool, String sql) {
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    @Test
    void deadIdleConnectionsAreReplaced_afterTheDatabaseComesBack_withoutARestart() throws SQLException {
        ConnectionPool pool = pool(4);
        Connection a = pool.getConnection();
        Connection b = pool.getConnection();
        a.close();
        b.close();
        assertThat(opened).hasSize(2);

        passes(WINDOW_MILLIS + 1);
        up.set(false); // the database went away: the idle connections are dead, new ones are refused
        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
        assertThat(opened).allMatch(f -> f.closed); // both idle ones dropped at the first failed validation

        up.set(true);
        try (Connection c = pool.getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
        assertThat(opened).hasSize(3);
        try (Connection again = pool.getConnection()) {
            assertThat(again.isClosed()).isFalse();
        }
        assertThat(opened).hasSize(3); // the healthy one is reused
    }

    @Test
    void aConnectionGivenBackWithinTheWindow_isHandedOutWithoutARoundTrip_anOlderOneIsValidated()
            throws SQLException {
        ConnectionPool pool = pool(4);
        pool.getConnection().close();

        passes(WINDOW_MILLIS - 1);
        pool.getConnection().close();
        assertThat(validations()).isZero();

        passes(WINDOW_MILLIS);
        pool.getConnection().close();
        assertThat(validations()).isEqualTo(1);
        assertThat(opened).hasSize(1);
    }

    @Test
    void aConnectionThatDiedInsideTheWindow_failsOneRequest_andIsNeverHandedOutAgain() throws SQLException {
        ConnectionPool pool = pool(4);
        Connection a = pool.getConnection();
        Connection b = pool.getConnection();
        a.close();
        b.close();

        up.set(false); // killed a moment after they were given back
        passes(100);
        Throwable failure = request(pool, "select 1");
        assertThat(failure).isNotNull();
        assertThat(JdbcOutages.isOutage(failure)).isTrue(); // 503, nobody signed out
        // Its lease saw the statement fail: validated when given back, dead, so it and the other idle one are gone.
        assertThat(opened).allMatch(f -> f.closed);
        // Still down: the next borrower fails at once, opening a connection, not on a dead one.
        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class).hasMessage("Connection refused");

        up.set(true); // back: the first request succeeds
        assertThat(request(pool, "select 1")).isNull();
        assertThat(request(pool, "select 1")).isNull();
        assertThat(opened).hasSize(3);
    }

    @Test
    void aFailureWhileReadingRows_isSeenByTheLeaseToo() throws SQLException {
        ConnectionPool pool = pool(4);
        Connection idle = pool.getConnection();
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement("select 1");
             ResultSet rs = st.executeQuery()) {
            idle.close();
            up.set(false); // dies between the query and the fetch
            assertThatThrownBy(rs::next).isInstanceOf(SQLException.class);
        }
        assertThat(opened).allMatch(f -> f.closed);
    }

    @Test
    void aDataError_keepsTheConnection_onceItAnswersTheCheck() throws SQLException {
        ConnectionPool pool = pool(4);
        Throwable failure = request(pool, "too long");
        assertThat(failure).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("22001"));
        assertThat(validations()).isEqualTo(1); // checked once, at the give-back
        assertThat(request(pool, "select 1")).isNull();
        assertThat(opened).hasSize(1).noneMatch(f -> f.closed);
        assertThat(validations()).isEqualTo(1); // and then reused within the window, unchecked
    }

    @Test
    void aStatementsConnection_isTheLease_soClosingItGivesTheConnectionBack() throws SQLException {
        ConnectionPool pool = pool(1);
        Connection c = pool.getConnection();
        PreparedStatement st = c.prepareStatement("select 1");
        ResultSet rs = st.executeQuery();
        assertThat(st.getConnection()).isSameAs(c);
        assertThat(rs.getStatement()).isSameAs(st);
        assertThat(st.unwrap(PreparedStatement.class)).isSameAs(st);
        st.getConnection().close();
        assertThat(opened.get(0).closed).isFalse();
        pool.getConnection(); // the one permit came back
    }

    @Test
    void aFullPool_failsTheBorrowerAfterTheBoundedWait_insteadOfQueueingForever() throws SQLException {
        ConnectionPool pool = pool(2);
        Connection a = pool.getConnection();
        pool.getConnection();
        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("all 2 in use");
        a.close();
        assertThat(pool.getConnection()).isNotNull(); // the permit came back with the connection
    }

    @Test
    void aConnectionGivenBackInsideATransaction_isRolledBack_andClosingTwiceGivesItBackOnce() throws SQLException {
        ConnectionPool pool = pool(1);
        Connection c = pool.getConnection();
        c.setAutoCommit(false);
        c.close();
        c.close();
        assertThat(opened.get(0).rollbacks).isEqualTo(1);
        assertThat(opened.get(0).autoCommit).isTrue();
        assertThatThrownBy(() -> c.createStatement()).isInstanceOf(SQLException.class);
        pool.getConnection(); // one permit, so a double give-back would have let two borrowers in
        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
    }
}
