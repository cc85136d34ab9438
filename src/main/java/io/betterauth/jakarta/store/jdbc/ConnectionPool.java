package io.betterauth.jakarta.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The small connection pool behind {@code better-auth.database.url}, handed to the JPA provider as its non-JTA data
 * source so that Hibernate and EclipseLink behave alike when the database goes away:
 *
 * <ul>
 *   <li>at most {@code maxSize} connections; a caller waits at most {@code borrowTimeoutMillis} for one, then gets
 *       an {@link SQLTransientConnectionException} (a request never queues without bound behind a hung
 *       database);</li>
 *   <li>an idle connection given back more than {@code validationWindowMillis} ago is validated
 *       ({@link Connection#isValid}, bounded) before it is handed out; when one is dead, every idle connection is
 *       dropped (they date from before the outage) and a new one is opened, so the first request after the
 *       database returns succeeds, with no restart;</li>
 *   <li>one given back within that window is handed out without the check (HikariCP's
 *       {@code aliveBypassWindowMs}): under load every borrow finds such a connection, and the check cost a
 *       database round trip per borrow, as many as get-session's one statement. A connection that died inside the
 *       window fails the one request that uses it (an outage, 503); its lease saw the {@link SQLException} (from
 *       the connection, or from a statement or result set of it: {@code WatchedStatements}), so the connection is
 *       validated when given back, and if dead, closed and every idle connection dropped as above: the next
 *       borrower opens a new one;</li>
 *   <li>a connection given back inside a transaction is rolled back; one that cannot be reset is closed.</li>
 * </ul>
 *
 * The driver's own connect, login and socket timeouts (set by {@link io.betterauth.jakarta.store.jpa.JdbcPersistenceUnit}) bound each attempt.
 *
 * <p>Why not HikariCP: tried (DatabaseFaultsIT), a borrower waits Hikari's whole connection timeout while the
 * database refuses connections, and EclipseLink's retries of a failed transaction begin multiply that wait (8 s per
 * request with a 2 s timeout); this pool fails a borrower at once when opening a connection fails (about 50 ms).
 */
public final class ConnectionPool implements DataSource, AutoCloseable {

    /** Opens a new physical connection. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    /** An idle connection and when it was given back ({@link System#nanoTime()} or the test's clock). */
    private record Idle(Connection raw, long givenBackAt) {
    }

    private final Opener opener;
    private final int maxSize;
    private final long borrowTimeoutMillis;
    private final int validationSeconds;
    private final long validationWindowNanos;
    private final LongSupplier nanoTime;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /**
     * @param maxSize                connections at most
     * @param borrowTimeoutMillis    how long a borrower waits for a free connection
     * @param validationSeconds      how long checking an idle connection may take
     * @param validationWindowMillis an idle connection given back less than this ago is handed out unchecked
     */
    public ConnectionPool(Opener opener, int maxSize, long borrowTimeoutMillis, int validationSeconds,
                          long validationWindowMillis) {
        this(opener, maxSize, borrowTimeoutMillis, validationSeconds, validationWindowMillis, System::nanoTime);
    }

    /** As above, on this clock (tests move it instead of sleeping). */
    ConnectionPool(Opener opener, int maxSize, long borrowTimeoutMillis, int validationSeconds,
                   long validationWindowMillis, LongSupplier nanoTime) {
        this.opener = opener;
        this.maxSize = maxSize;
        this.borrowTimeoutMillis = borrowTimeoutMillis;
        this.validationSeconds = validationSeconds;
        this.validationWindowNanos = TimeUnit.MILLISECONDS.toNanos(validationWindowMillis);
        this.nanoTime = nanoTime;
        this.permits = new Semaphore(maxSize, true);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("The Better Auth connection pool is closed", "08003");
        }
        try {
            if (!permits.tryAcquire(borrowTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("No database connection free within " + borrowTimeoutMillis
                        + " ms (all " + maxSize + " in use)", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("Interrupted while waiting for a database connection", "08001", e);
        }
        try {
            Connection raw = validIdle();
            return lease(raw != null ? raw : opener.open());
        } catch (SQLException | RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    /**
     * The most recently used idle connection: as it is if given back within the window, else if it still answers;
     * empty the idle list at the first that does not.
     */
    private Connection validIdle() {
        Idle c = idle.pollFirst();
        if (c == null) {
            return null;
        }
        if (nanoTime.getAsLong() - c.givenBackAt() < validationWindowNanos || valid(c.raw())) {
            return c.raw();
        }
        closeQuietly(c.raw());
        dropIdle();
        return null;
    }

    /** Closes every idle connection: one was found dead, so the others date from before the outage too. */
    private void dropIdle() {
        for (Idle other = idle.pollFirst(); other != null; other = idle.pollFirst()) {
            closeQuietly(other.raw());
        }
    }

    private boolean valid(Connection c) {
        try {
            return c.isValid(validationSeconds);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Gives a connection back: reset to auto-commit (rolling back what is open) and kept, or closed if that fails.
     * One whose lease saw an {@link SQLException} must also still answer ({@link Connection#isValid}), as it may have
     * died inside the validation window; if it does not, every idle connection is dropped with it.
     */
    private void giveBack(Connection raw, boolean sawFailure) {
        try {
            if (!closed && reset(raw) && (!sawFailure || valid(raw))) {
                idle.offerFirst(new Idle(raw, nanoTime.getAsLong()));
                return;
            }
            closeQuietly(raw);
            if (sawFailure) {
                dropIdle();
            }
        } finally {
            permits.release();
        }
    }

    /** Whether the connection is open and back in auto-commit, what was open rolled back. */
    private static boolean reset(Connection raw) {
        try {
            if (raw.isClosed()) {
                return false;
            }
            if (!raw.getAutoCommit()) {
                raw.rollback();
                raw.setAutoCommit(true);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private Connection lease(Connection raw) {
        return (Connection) Proxy.newProxyInstance(ConnectionPool.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Lease(raw));
    }

    /**
     * One borrowing of a connection: {@code close()} gives it back once; afterwards it is unusable. Its statements
     * (and their result sets) are {@code WatchedStatements} proxies, so that the lease sees every
     * {@link SQLException} of the connection, whichever of its objects threw it.
     */
    private final class Lease implements InvocationHandler {
        private final Connection raw;
        private boolean returned;
        private volatile boolean sawFailure;

        Lease(Connection raw) {
            this.raw = raw;
        }

        private void failed() {
            sawFailure = true;
        }

        @Override
        public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (!returned) {
                        returned = true;
                        giveBack(raw, sawFailure);
                    }
                    return null;
                case "isClosed":
                    return returned || raw.isClosed();
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "ConnectionPool lease of " + raw;
                default:
                    if (returned) {
                        throw new SQLException("Connection already closed", "08003");
                    }
                    Object result;
                    try {
                        result = method.invoke(raw, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof SQLException) {
                            failed();
                        }
                        throw e.getCause();
                    }
                    Class<?> type = method.getReturnType();
                    if (result instanceof Statement statement && Statement.class.isAssignableFrom(type)) {
                        return WatchedStatements.wrap(type, statement, proxy, this::failed);
                    }
                    return result;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        dropIdle();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // already broken
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The pool's credentials come from better-auth.database.*");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the driver's timeouts are set on the URL's properties
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
