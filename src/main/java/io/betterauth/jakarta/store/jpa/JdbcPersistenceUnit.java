package io.betterauth.jakarta.store.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The library's {@code better-auth} persistence unit opened by the library itself on a JDBC URL, resource-local:
 * for containers with neither JTA nor {@code @PersistenceContext} (Tomcat with Weld). The unit's classes come from
 * the JAR's {@code persistence.xml}; its JTA settings are overridden. The JPA provider (Hibernate on Tomcat) and
 * the JDBC driver must be in the application.
 *
 * <p>The driver is found through {@link ServiceLoader} in the application's class loader and used directly, not
 * through {@link DriverManager}, which does not see drivers in {@code WEB-INF/lib} that it did not load itself.
 */
public final class JdbcPersistenceUnit implements AutoCloseable {

    /** The unit's name in the JAR's {@code persistence.xml}. */
    public static final String UNIT = "better-auth";

    private final String url;
    private final Properties credentials = new Properties();
    private final Driver driver;
    private final EntityManagerFactory factory;

    private JdbcPersistenceUnit(String url, String user, String password) throws SQLException {
        this.url = url;
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.driver = driver(url);
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        settings.put("jakarta.persistence.jdbc.url", url);
        settings.put("jakarta.persistence.jdbc.driver", driver.getClass().getName());
        if (user != null) {
            settings.put("jakarta.persistence.jdbc.user", user);
        }
        if (password != null) {
            settings.put("jakarta.persistence.jdbc.password", password);
        }
        this.factory = Persistence.createEntityManagerFactory(UNIT, settings);
    }

    /**
     * Opens the unit on this database.
     *
     * @throws SQLException when no JDBC driver in the application accepts the URL
     */
    public static JdbcPersistenceUnit open(String url, String user, String password) throws SQLException {
        return new JdbcPersistenceUnit(url, user, password);
    }

    /** A new connection to the database (for the schema installer); the caller closes it. */
    public Connection connect() throws SQLException {
        Connection c = driver.connect(url, credentials);
        if (c == null) {
            throw new SQLException("The JDBC driver " + driver.getClass().getName() + " refused " + url);
        }
        return c;
    }

    /** One entity manager and one resource-local transaction per unit of work. */
    public JpaTransactions transactions() {
        return new ResourceLocalTransactions(factory);
    }

    @Override
    public void close() {
        if (factory.isOpen()) {
            factory.close();
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
