package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.config.option.DatabaseOptions;
import io.betterauth.jakarta.config.ModelNames;
import io.betterauth.jakarta.config.option.SessionOptions;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.spi.ExpiredSessionPurge;
import io.betterauth.jakarta.spi.JwksStore;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.hashed.HashedTokenSessionStore;
import io.betterauth.jakarta.store.jdbc.JdbcOutages;
import io.betterauth.jakarta.store.jpa.schema.AdditionalColumns;
import io.betterauth.jakarta.store.jpa.JdbcPersistenceUnit;
import io.betterauth.jakarta.store.jpa.JpaSessionStore;
import io.betterauth.jakarta.store.jpa.JpaTransactions;
import io.betterauth.jakarta.store.jpa.JpaUserStore;
import io.betterauth.jakarta.store.jpa.LibraryPersistenceUnit;
import io.betterauth.jakarta.store.jpa.ResourceLocalTransactions;
import io.betterauth.jakarta.store.jpa.jwks.JpaJwksStore;
import io.betterauth.jakarta.store.jpa.schema.SchemaInstaller;
import io.betterauth.jakarta.store.jpa.schema.SessionWithUserQuery;
import io.betterauth.jakarta.store.memory.InMemoryJwksStore;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.store.redis.RedisEndpoint;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import io.betterauth.jakarta.store.secondary.TieredSessionStore;
import io.betterauth.jakarta.config.ConfigurationException;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Chooses and stacks the stores for one configuration: the application's {@link SessionStore}/{@link UserStore}
 * beans, else memory ({@code better-auth.database=memory|none}) or JPA (the library's persistence unit on the
 * container's data source or on {@code better-auth.database.url}, migrated first, each unit of work outside the
 * caller's transaction); then the secondary storage
 * (the application's bean, else Redis) over or instead of the table, and token hashing outermost.
 */
final class StoreWiring {

    private static final Logger LOG = Logger.getLogger(StoreWiring.class.getName());

    /**
     * The stores one configuration runs on.
     *
     * @param sessions  the session store the core uses (wrapped as configured)
     * @param users     the user store
     * @param purgeable the table store underneath, when it can purge expired rows; else null
     * @param secondary the secondary storage (sessions, rate-limit counters), or null
     * @param limits    the columns' limits of the database (JavaScript's dates without one)
     * @param jwks      the jwt plugin's keys: Better Auth's {@code jwks} table with JPA, else memory
     */
    record Stores(SessionStore sessions, UserStore users, ExpiredSessionPurge purgeable, SecondaryStorage secondary,
                  ColumnLimits limits, JwksStore jwks) {
    }

    private final Instance<SessionStore> appSessionStore;
    private final Instance<UserStore> appUserStore;
    private final Instance<StoreTransactionBoundary> boundary;
    private final Instance<SecondaryStorage> appSecondaryStorage;
    private final Closeables closeables;

    StoreWiring(Instance<SessionStore> appSessionStore, Instance<UserStore> appUserStore,
                Instance<StoreTransactionBoundary> boundary, Instance<SecondaryStorage> appSecondaryStorage,
                Closeables closeables) {
        this.appSessionStore = appSessionStore;
        this.appUserStore = appUserStore;
        this.boundary = boundary;
        this.appSecondaryStorage = appSecondaryStorage;
        this.closeables = closeables;
    }

    Stores wire(BetterAuthConfig config) {
        SessionStore sessionStore;
        UserStore userStore;
        ColumnLimits limits = ColumnLimits.JAVASCRIPT_DATES;
        JwksStore jwks = null;
        boolean appStores = appStores(Beans.of(appSessionStore, SessionStore.class),
                Beans.of(appUserStore, UserStore.class));
        if (appStores) {
            sessionStore = appSessionStore.get();
            userStore = appUserStore.get();
        } else if (config.database().adapter() == DatabaseOptions.Adapter.MEMORY || config.stateless()) {
            // Stateless mode keeps users (and sessions until a restart) in memory, as Better Auth's memory adapter.
            sessionStore = new InMemorySessionStore();
            userStore = new InMemoryUserStore();
        } else {
            JpaTransactions tx;
            String dialect;
            DataSource connections;
            DatabaseOptions.Connection db = config.database().connection();
            OptionalDependencies optional = OptionalDependencies.ofLibrary();
            if (db.configured()) {
                optional.requireJdbcDriver(db.url());
            }
            optional.requireJpaProvider();
            if (db.configured()) {
                // A database of its own (Tomcat: no data source); used on any container when set.
                JdbcPersistenceUnit unit = openUnit(db, config.database().models());
                dialect = SchemaMigration.prepare(config, unit::connect, "better-auth.database.url",
                        "better-auth.database.url");
                tx = unit.transactions();
                connections = unit.dataSource();
            } else {
                String name = config.database().jndiName();
                dialect = SchemaMigration.prepare(config, () -> dataSource(name).getConnection(), name,
                        "better-auth.database.jndi-name");
                connections = containerDataSource(name);
                tx = new ResourceLocalTransactions(openUnit(connections, name, config.database().models()));
            }
            if (boundary.isResolvable()) {
                tx = boundary.get().around(tx);
            }
            char quote = SchemaInstaller.quote(dialect).charAt(0);
            limits = SchemaInstaller.columnLimits(dialect);
            ModelNames names = config.database().models();
            AdditionalColumns sessionColumns = new AdditionalColumns(config.session().additionalFields(),
                    names.session().modelName(), names.session().column("token"), quote);
            AdditionalColumns userColumns = new AdditionalColumns(config.user().additionalFields(),
                    names.user().modelName(), "id", quote);
            userStore = new JpaUserStore(tx, userColumns);
            // get-session's read as one statement on the unit's own connections, no entity manager or transaction.
            sessionStore = new JpaSessionStore(tx, sessionColumns,
                    new SessionWithUserQuery(connections, names, quote, sessionColumns, userColumns));
            jwks = new JpaJwksStore(tx);
        }
        // The table store (before any secondary-storage wrapping) purges expired rows, when it can.
        ExpiredSessionPurge purgeable = sessionStore instanceof ExpiredSessionPurge p ? p : null;
        if (appStores) {
            // The application's own store may report a database outage as a JDBC error: 503, never a sign-out.
            sessionStore = JdbcOutages.reported(sessionStore);
        }
        SecondaryStorage secondary = secondaryStorage(config);
        SessionOptions session = config.session();
        if (secondary != null) {
            SessionStore keys = new SecondaryStorageSessionStore(secondary, userStore, Clock.systemUTC(),
                    Duration.ofSeconds(session.expiresIn()));
            sessionStore = !session.storeSessionInDatabase() ? keys
                    : new TieredSessionStore(keys, sessionStore, session.preserveSessionInDatabase(), Clock.systemUTC());
        }
        if (session.hashTokens()) {
            // Outermost, so every store underneath (table, Redis keys, the app's own) only sees SHA-256(token).
            sessionStore = new HashedTokenSessionStore(sessionStore);
        }
        if (jwks == null && config.plugins().on(Plugin.JWT)) {
            if (appStores) {
                LOG.warning("The jwt plugin keeps its keys in memory: the application's own stores have no jwks table."
                        + " Keys change on every restart, and each server publishes its own.");
            }
            jwks = new InMemoryJwksStore();
        }
        return new Stores(sessionStore, userStore, purgeable, secondary, limits, jwks);
    }

    /** An app-provided {@link SecondaryStorage} bean, else Redis when a URL is configured, else none. */
    private SecondaryStorage secondaryStorage(BetterAuthConfig config) {
        Beans app = Beans.of(appSecondaryStorage, SecondaryStorage.class);
        app.requireUnambiguous();
        if (app.present()) {
            return appSecondaryStorage.get();
        }
        if (!config.secondaryStorage().redisConfigured()) {
            return null;
        }
        RedisEndpoint endpoint = redisEndpoint(config.secondaryStorage().redisUrl()); // loads no Jedis class
        OptionalDependencies.ofLibrary().requireJedis(); // before any class that links against Jedis is loaded
        // Built lazily: a Redis, Sentinel or Cluster that is down does not stop the deployment (calls answer 503).
        return OptionalDependencies.RedisStorageFactory.open(endpoint,
                config.secondaryStorage().redisSentinelPassword(), closeables);
    }

    /**
     * Whether the application's own {@link SessionStore} and {@link UserStore} are used: both beans, or neither (the
     * library's stores). One without the other, or two of a kind, stops the start-up naming the beans' classes.
     */
    static boolean appStores(Beans sessions, Beans users) {
        sessions.requireUnambiguous();
        users.requireUnambiguous();
        if (sessions.present() != users.present()) {
            Beans lone = sessions.present() ? sessions : users;
            String other = sessions.present() ? "UserStore" : "SessionStore";
            throw new ConfigurationException("The application has a custom " + lone.type() + " bean ("
                    + String.join(", ", lone.classes()) + ") but no " + other + ": a custom " + lone.type()
                    + " needs a custom " + other + " too, since the library uses the application's stores only as a "
                    + "pair. Add a " + other + " bean, or remove the " + lone.type() + " bean to use the library's "
                    + "stores.");
        }
        return sessions.present();
    }

    /**
     * The application's beans of one store type.
     *
     * @param type      the SPI type's simple name
     * @param present   exactly one bean resolves
     * @param ambiguous more than one bean resolves
     * @param classes   the beans' classes, for messages
     */
    record Beans(String type, boolean present, boolean ambiguous, List<String> classes) {

        static Beans of(Instance<?> instance, Class<?> type) {
            boolean ambiguous = instance.isAmbiguous();
            boolean present = instance.isResolvable();
            List<String> classes = ambiguous || present ? instance.handlesStream()
                    .map(h -> h.getBean().getBeanClass().getName()).sorted().toList() : List.of();
            return new Beans(type.getSimpleName(), present, ambiguous, classes);
        }

        void requireUnambiguous() {
            if (ambiguous) {
                throw new ConfigurationException("The application has more than one " + type + " bean ("
                        + String.join(", ", classes) + "): keep one, or select one with @Alternative and "
                        + "@Priority.");
            }
        }
    }

    /** {@code better-auth.secondary-storage.redis-url} read; what is wrong with it stops the start-up. */
    static RedisEndpoint redisEndpoint(String url) {
        try {
            return RedisEndpoint.parse(url);
        } catch (IllegalArgumentException e) {
            // The message says what is wrong without quoting the URL (it may hold a password).
            throw new ConfigurationException("better-auth.secondary-storage.redis-url: " + e.getMessage());
        }
    }

    private static DataSource dataSource(String jndiName) throws NamingException {
        return InitialContext.doLookup(jndiName);
    }

    /** The container's data source of this name. */
    private static DataSource containerDataSource(String jndiName) {
        try {
            return dataSource(jndiName);
        } catch (NamingException | RuntimeException e) {
            throw new IllegalStateException("Could not open Better Auth's persistence unit on " + jndiName, e);
        }
    }

    /** The library's persistence unit on the container's data source, closed with the application. */
    private EntityManagerFactory openUnit(DataSource dataSource, String jndiName, ModelNames names) {
        try {
            EntityManagerFactory factory = LibraryPersistenceUnit.open(dataSource, names);
            closeables.add(factory::close);
            return factory;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not open Better Auth's persistence unit on " + jndiName, e);
        }
    }

    /** The persistence unit on {@code better-auth.database.url}, closed with the application. */
    private JdbcPersistenceUnit openUnit(DatabaseOptions.Connection db, ModelNames names) {
        try {
            JdbcPersistenceUnit unit = JdbcPersistenceUnit.open(db.url(), db.user(), db.password(), names,
                    db.poolSize());
            closeables.add(unit);
            return unit;
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("Could not open Better Auth's persistence unit on better-auth.database.url "
                    + "(the JDBC driver and a JPA provider such as Hibernate must be in the application)", e);
        }
    }
}
