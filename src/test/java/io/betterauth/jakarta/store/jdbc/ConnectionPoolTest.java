package io.betterauth.jakarta.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Faults: the pool behind {@code better-auth.database.url} survives a database that went away and came back. */
class ConnectionPoolTest {

    /** A fake physical connection: answers isValid from a shared "database up" flag, records what was done to it. */
    final class Fake {
        boolean closed;
        boolean autoCommit = true;
        int rollbacks;
        final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "isValid" -> up.get() && !closed;
                    case "isClosed" -> closed;
                    case "close" -> { closed = true; yield null; }
                    case "getAutoCommit" -> autoCommit;
                    case "setAutoCommit" -> { autoCommit = (Boolean) args[0]; yield null; }
                    case "rollback" -> { rollbacks++; yield null; }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    final AtomicBoolean up = new AtomicBoolean(true);
    final List<Fake> opened = new ArrayList<>();

    ConnectionPool pool(int max) {
        return new ConnectionPool(() -> {
            if (!up.get()) {
                throw new SQLException("Connection refused", "08001");
            }
            Fake f = new Fake();
            opened.add(f);
            return f.connection;
        }, max, 200, 1);
    }

    @Test
    void deadIdleConnectionsAreReplaced_afterTheDatabaseComesBack_withoutARestart() throws SQLException {
        ConnectionPool pool = pool(4);
        Connection a = pool.getConnection();
        Connection b = pool.getConnection();
        a.close();
        b.close();
        assertThat(opened).hasSize(2);

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
