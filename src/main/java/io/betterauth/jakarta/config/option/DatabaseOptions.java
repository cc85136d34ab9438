package io.betterauth.jakarta.config.option;

import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.config.ConfiguredUrls;
import io.betterauth.jakarta.config.ModelNames;

/**
 * Where users and sessions are stored: Better Auth's {@code database} (an adapter), here chosen by name (key
 * {@code better-auth.database}), with the library's own connection and migration options
 * ({@code better-auth.database.*}). An application's {@code SessionStore} and {@code UserStore} beans win over these.
 *
 * @param adapter     the store: the container's persistence unit, this JVM's memory, or none (stateless)
 * @param autoMigrate creates missing tables and additional-field columns at start-up from the DDL shipped in the JAR
 * @param connection  a JDBC database the library connects to itself; without a URL, the container's data source
 *                    named {@code jndiName}
 * @param jndiName    the container's data source the library uses when {@code connection} has no URL
 *                    ({@code better-auth.database.jndi-name}, default {@value #DEFAULT_JNDI_NAME})
 * @param models      the tables' and columns' names (Better Auth's {@code modelName} and {@code fields} of each model)
 */
public record DatabaseOptions(Adapter adapter, boolean autoMigrate, Connection connection, String jndiName,
                              ModelNames models) {

    /** The container's default data source (Jakarta EE). */
    public static final String DEFAULT_JNDI_NAME = "java:comp/DefaultDataSource";

    public DatabaseOptions {
        if (adapter == null) {
            throw new ConfigurationException("better-auth.database must be 'jpa', 'memory' or 'none', not 'null'");
        }
        if (models == null) {
            models = ModelNames.defaults();
        }
        if (jndiName == null || jndiName.isBlank()) {
            jndiName = DEFAULT_JNDI_NAME;
        }
    }

    public DatabaseOptions(Adapter adapter, boolean autoMigrate, Connection connection) {
        this(adapter, autoMigrate, connection, DEFAULT_JNDI_NAME, ModelNames.defaults());
    }

    /** The value of {@code better-auth.database}. */
    public enum Adapter implements OptionValue {
        /** The container's JPA persistence unit (or {@link Connection}'s own). */
        JPA("jpa"),
        /** This JVM's memory, Better Auth's {@code memoryAdapter}: for development. */
        MEMORY("memory"),
        /** No database: sessions live in the cookie cache alone, users in memory (Better Auth's stateless mode). */
        NONE("none");

        private final String configValue;

        Adapter(String configValue) {
            this.configValue = configValue;
        }

        @Override
        public String configValue() {
            return configValue;
        }

        /**
         * Parses a configuration value, exactly as written.
         *
         * @throws ConfigurationException for anything but {@code jpa}, {@code memory} or {@code none}
         */
        public static Adapter parse(String value) {
            return OptionValue.named(Adapter.class, value).orElseThrow(() -> new ConfigurationException(
                    "better-auth.database must be 'jpa', 'memory' or 'none', not '" + value + "'"));
        }
    }

    /**
     * A database the library connects to by itself, for containers without JTA or a default data source (Tomcat).
     * With a URL, the library opens its persistence unit resource-local on it (the JDBC driver and a JPA provider
     * must be in the application); without one, it uses the container's data source named
     * {@code better-auth.database.jndi-name}.
     *
     * @param url      a JDBC URL such as {@code jdbc:postgresql://db:5432/app}; null = the container's data source
     * @param user     the database user, or null
     * @param password the user's password, or null
     * @param poolSize the connections the library keeps to this database at most
     *                 ({@code better-auth.database.pool-size}, default {@value #DEFAULT_POOL_SIZE}); a request waits
     *                 for a free one at most 5 s, then gets 503
     */
    public record Connection(String url, String user, String password, int poolSize) {

        /** HikariCP's default too: enough for a few cores, as a database serves few queries at once well. */
        public static final int DEFAULT_POOL_SIZE = 10;

        public Connection {
            if (poolSize < 1 || poolSize > 1_000) {
                throw new ConfigurationException("better-auth.database.pool-size must be 1 to 1000, not " + poolSize);
            }
        }

        public Connection(String url, String user, String password) {
            this(url, user, password, DEFAULT_POOL_SIZE);
        }

        /** True when the library manages its own connections. */
        public boolean configured() {
            return url != null && !url.isBlank();
        }

        /** Without the password, also none a JDBC URL may carry ({@code user:password@}, {@code password=}). */
        @Override
        public String toString() {
            return "Connection[url=" + ConfiguredUrls.masked(url) + ", user=" + user + ", password=" + (password == null ? null : "***") + ", poolSize=" + poolSize + "]";
        }
    }
}
