package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.store.redis.RedisEndpoint;
import io.betterauth.jakarta.store.redis.RedisSecondaryStorage;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The checks that the optional artifacts a configuration needs are in the application, made before any class that
 * links against them is loaded, so a missing one is a start-up error naming the artifact to add instead of a
 * {@code NoClassDefFoundError} at first use: Jedis for a Redis URL, the JDBC driver for
 * {@code better-auth.database.url}, a JPA provider for the library's tables.
 */
final class OptionalDependencies {

    /** The Jedis the library is built and tested with ({@code jedis.version} in the POM). */
    static final String JEDIS = "redis.clients:jedis:8.0.2";

    /** JDBC sub-protocol → the driver's class and its Maven artifact. */
    private static final Map<String, String[]> DRIVERS = Map.of(
            "postgresql", new String[] {"org.postgresql.Driver", "org.postgresql:postgresql"},
            "mariadb", new String[] {"org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client"},
            "mysql", new String[] {"com.mysql.cj.jdbc.Driver", "com.mysql:mysql-connector-j"},
            "h2", new String[] {"org.h2.Driver", "com.h2database:h2"},
            "sqlserver", new String[] {"com.microsoft.sqlserver.jdbc.SQLServerDriver",
                    "com.microsoft.sqlserver:mssql-jdbc"},
            "oracle", new String[] {"oracle.jdbc.OracleDriver", "com.oracle.database.jdbc:ojdbc11"},
            "hsqldb", new String[] {"org.hsqldb.jdbc.JDBCDriver", "org.hsqldb:hsqldb"},
            "sqlite", new String[] {"org.sqlite.JDBC", "org.xerial:sqlite-jdbc"});

    private final ClassLoader loader;

    OptionalDependencies(ClassLoader loader) {
        this.loader = loader;
    }

    /** The checks against the class loader of the library's own classes (and the application's, where it differs). */
    static OptionalDependencies ofLibrary() {
        return new OptionalDependencies(OptionalDependencies.class.getClassLoader());
    }

    /** A configured Redis URL needs Jedis. */
    void requireJedis() {
        // Only the library's own loader counts: it is the one that links RedisSecondaryStorage against Jedis.
        if (!visible("redis.clients.jedis.UnifiedJedis", loader)) {
            throw new ConfigurationException("better-auth.secondary-storage.redis-url is set, but Jedis is not on the "
                    + "class path: add " + JEDIS + " to the application (WEB-INF/lib), or remove the Redis URL");
        }
    }

    /** The library's own tables need Jakarta Persistence and a provider. */
    void requireJpaProvider() {
        String add = "add a JPA provider to the application (org.hibernate.orm:hibernate-core or "
                + "org.eclipse.persistence:eclipselink), or set better-auth.database=memory";
        if (!present("jakarta.persistence.spi.PersistenceProviderResolverHolder")) {
            throw new ConfigurationException("Better Auth's tables need Jakarta Persistence, which this server does "
                    + "not provide: add jakarta.persistence:jakarta.persistence-api and " + add.substring(4));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == null) {
            thread.setContextClassLoader(loader);
        }
        try {
            if (jakarta.persistence.spi.PersistenceProviderResolverHolder.getPersistenceProviderResolver()
                    .getPersistenceProviders().isEmpty()) {
                throw new ConfigurationException("Better Auth's tables need a JPA provider and none is present: " + add);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@code better-auth.database.url} needs its JDBC driver; an unknown sub-protocol is left to the connection. */
    void requireJdbcDriver(String url) {
        String[] parts = url.trim().split(":", 3);
        String[] driver = parts.length == 3 ? DRIVERS.get(parts[1].toLowerCase(java.util.Locale.ROOT)) : null;
        if (driver == null || present(driver[0]) || registered(url)) {
            return;
        }
        throw new ConfigurationException("better-auth.database.url is a jdbc:" + parts[1] + ": URL, but its driver "
                + driver[0] + " is not on the class path: add " + driver[1] + " to the application (WEB-INF/lib) "
                + "or to the server");
    }

    private boolean registered(String url) {
        for (ClassLoader l : new ClassLoader[] {Thread.currentThread().getContextClassLoader(), loader}) {
            try {
                for (Driver candidate : ServiceLoader.load(Driver.class, l)) {
                    if (candidate.acceptsURL(url)) {
                        return true;
                    }
                }
            } catch (ServiceConfigurationError | SQLException e) {
                // a broken registration: the next loader, then DriverManager
            }
        }
        try {
            return DriverManager.getDriver(url) != null;
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean present(String className) {
        return visible(className, loader) || visible(className, Thread.currentThread().getContextClassLoader());
    }

    private static boolean visible(String className, ClassLoader l) {
        try {
            Class.forName(className, false, l);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The Redis storage, built only after {@link #requireJedis()}: this class is the only one that names a Jedis-backed
     * type, and the JVM loads it on first use.
     */
    static final class RedisStorageFactory {

        private RedisStorageFactory() {
        }

        static SecondaryStorage open(RedisEndpoint endpoint, String sentinelPassword, Closeables closeables) {
            RedisSecondaryStorage redis = new RedisSecondaryStorage(endpoint, RedisSecondaryStorage.DEFAULT_TIMEOUT,
                    sentinelPassword);
            closeables.add(redis);
            return redis;
        }
    }
}
