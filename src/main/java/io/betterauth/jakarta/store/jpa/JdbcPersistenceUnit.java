package io.betterauth.jakarta.store.jpa;

import io.betterauth.jakarta.config.ModelNames;
import io.betterauth.jakarta.config.option.DatabaseOptions;
import io.betterauth.jakarta.store.jdbc.ConnectionPool;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import javax.sql.DataSource;

/**
 * The library's {@link LibraryPersistenceUnit} on a JDBC URL, over the library's own {@link ConnectionPool}: for
 * containers without a data source (Tomcat), or any container when {@code better-auth.database.url} is set. The JPA
 * provider (Hibernate on Tomcat) and the JDBC driver must be in the application.
 *
 * <p>The driver is found through {@link ServiceLoader} in the application's class loader and used directly, not
 * through {@link DriverManager}, which does not see drivers in {@code WEB-INF/lib} that it did not load itself.
 */
public final class JdbcPersistenceUnit implements AutoCloseable {

    private final String url;
    private final Properties credentials = new Properties();
    private final Driver driver;
    private final EntityManagerFactory factory;
    private final ConnectionPool pool;

    /** How long a request waits for a free connection before it fails (503). */
    static final long BORROW_TIMEOUT_MILLIS = 5000;
    /** How long checking an idle connection may take. */
    static final int VALIDATION_SECONDS = 2;
    /**
     * An idle connection given back less than this ago is handed out unchecked (HikariCP's default
     * {@code aliveBypassWindowMs}): a fixed number, like the pool's others, as the pool notices a connection that
     * died meanwhile at its first failure (one request, 503) and validates the rest then.
     */
    static final long VALIDATION_WINDOW_MILLIS = 500;

    private JdbcPersistenceUnit(String url, String user, String password, ModelNames names, int poolSize)
            throws SQLException {
        this.url = url;
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        credentials.putAll(timeouts(url));
        this.driver = driver(url);
        this.pool = new ConnectionPool(this::connect, poolSize, BORROW_TIMEOUT_MILLIS, VALIDATION_SECONDS,
                VALIDATION_WINDOW_MILLIS);
        // The provider's connections come from the library's pool (the same bounded, validating behaviour under
        // Hibernate and EclipseLink), not from the provider's own pool on a JDBC URL.
        try {
            this.factory = LibraryPersistenceUnit.open(pool, names);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Bounds on each database call that the URL does not set itself (a URL parameter wins), so that a database that
     * is down, or that accepts connections and never answers, costs a request a few seconds, not forever: connect
     * 3 s, log-in 3 s, each read 5 s. Known for PostgreSQL, MariaDB and MySQL; other drivers keep their defaults.
     */
    static Properties timeouts(String url) {
        Properties p = new Properties();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            p.setProperty("connectTimeout", "3");
            p.setProperty("loginTimeout", "3");
            p.setProperty("socketTimeout", "5");
        } else if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            p.setProperty("connectTimeout", "3000");
            p.setProperty("socketTimeout", "5000");
        }
        Properties kept = new Properties();
        for (String k : p.stringPropertyNames()) {
            if (!lower.contains(k.toLowerCase(Locale.ROOT) + "=")) {
                kept.setProperty(k, p.getProperty(k));
            }
        }
        return kept;
    }

    /**
     * Opens the unit on this database.
     *
     * @throws SQLException when no JDBC driver in the application accepts the URL
     */
    public static JdbcPersistenceUnit open(String url, String user, String password) throws SQLException {
        return open(url, user, password, ModelNames.defaults(), DatabaseOptions.Connection.DEFAULT_POOL_SIZE);
    }

    /**
     * Opens the unit on this database, with these table and column names.
     *
     * @throws SQLException when no JDBC driver in the application accepts the URL
     */
    public static JdbcPersistenceUnit open(String url, String user, String password, ModelNames names)
            throws SQLException {
        return open(url, user, password, names, DatabaseOptions.Connection.DEFAULT_POOL_SIZE);
    }

    /**
     * Opens the unit on this database, with these table and column names, keeping at most {@code poolSize}
     * connections.
     *
     * @throws SQLException when no JDBC driver in the application accepts the URL
     */
    public static JdbcPersistenceUnit open(String url, String user, String password, ModelNames names, int poolSize)
            throws SQLException {
        return new JdbcPersistenceUnit(url, user, password, names, poolSize);
    }

    /** A new connection to the database (for the schema installer); the caller closes it. */
    public Connection connect() throws SQLException {
        Connection c = driver.connect(url, credentials);
        if (c == null) {
            throw new SQLException("The JDBC driver " + driver.getClass().getName() + " refused " + url);
        }
        return c;
    }

    /** The unit's pooled connections (for the statements that need no entity manager). */
    public DataSource dataSource() {
        return pool;
    }

    /** One entity manager and one resource-local transaction per unit of work. */
    public JpaTransactions transactions() {
        return new ResourceLocalTransactions(factory);
    }

    @Override
    public void close() {
        try {
            if (factory.isOpen()) {
                factory.close();
            }
        } finally {
            pool.close();
        }
    }

    private static Driver driver(String url) throws SQLException {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                JdbcPersistenceUnit.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                for (Driver candidate : ServiceLoader.load(Driver.class, loader)) {
                    if (candidate.acceptsURL(url)) {
                        return candidate;
                    }
                }
            } catch (ServiceConfigurationError e) {
                // a broken driver registration elsewhere on the class path: try the next loader
            }
        }
        try {
            return DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new SQLException("No JDBC driver for better-auth.database.url (" + scheme(url) + "): add the "
                    + "database's driver (e.g. org.postgresql:postgresql) to the application", e);
        }
    }

    /** The URL without credentials that might be in its query, for messages. */
    private static String scheme(String url) {
        int end = url.indexOf(':', url.indexOf(':') + 1);
        return end < 0 ? url : url.substring(0, end) + ":…";
    }
}
