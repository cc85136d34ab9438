package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.config.ConfigSource;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.core.security.RateLimiter;
import io.betterauth.jakarta.core.session.SessionPurger;
import io.betterauth.jakarta.spi.ExpiredSessionPurge;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.redis.RedisSecondaryStorage;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import io.betterauth.jakarta.store.secondary.TieredSessionStore;
import jakarta.annotation.PreDestroy;
import io.betterauth.jakarta.store.jpa.AdditionalColumns;
import io.betterauth.jakarta.store.jpa.ContainerJpaTransactions;
import io.betterauth.jakarta.store.jpa.JdbcPersistenceUnit;
import io.betterauth.jakarta.store.jpa.JpaTransactions;
import io.betterauth.jakarta.store.jpa.JpaSessionStore;
import io.betterauth.jakarta.store.jpa.JpaUserStore;
import io.betterauth.jakarta.store.jpa.SchemaInstaller;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Wires the library once per application: the configuration (an app-produced {@link BetterAuthConfig} bean wins;
 * otherwise MicroProfile Config, servlet context parameters, system properties and the environment, highest
 * first), the stores (app-provided {@link SessionStore}/{@link UserStore} beans, else JPA or memory) and the core
 * services. Started by {@link BetterAuthBootstrap} so a bad configuration stops the deployment.
 */
@ApplicationScoped
public class BetterAuthRuntime {

    /** Everything built from one configuration; replaced as a whole, never field by field. */
    public record Services(BetterAuthConfig config, SessionManager sessions, SessionCookies cookies,
                           Endpoints endpoints, RateLimiter rateLimiter) {
    }

    @Inject
    Instance<BetterAuthConfig> appConfig;
    @Inject
    Instance<SessionStore> appSessionStore;
    @Inject
    Instance<UserStore> appUserStore;
    @Inject
    Instance<ContainerJpaTransactions> jpa;
    @Inject
    Instance<SecondaryStorage> appSecondaryStorage;
    @Inject
    Instance<CdiAuthEvents> events;

    private static final String DEFAULT_DATA_SOURCE = "java:comp/DefaultDataSource";

    private final List<AutoCloseable> closeables = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile Services services;

    /** Builds the services from this application's configuration; idempotent. */
    public synchronized Services start(ServletContext context) {
        if (services == null) {
            services = build(context);
        }
        return services;
    }

    public Services services() {
        Services s = services;
        return s != null ? s : start(null);
    }

    private Services build(ServletContext context) {
        BetterAuthConfig config;
        if (appConfig.isResolvable()) {
            config = appConfig.get();
            ConfigLoader.warn(config);
        } else {
            config = new ConfigLoader(sources(context)).load();
        }
        SessionStore sessionStore;
        UserStore userStore;
        ColumnLimits limits = ColumnLimits.JAVASCRIPT_DATES;
        if (appSessionStore.isResolvable() && appUserStore.isResolvable()) {
            sessionStore = appSessionStore.get();
            userStore = appUserStore.get();
        } else if ("memory".equals(config.database()) || config.stateless()) {
            // Stateless mode keeps users (and sessions until a restart) in memory, as Better Auth's memory adapter.
            sessionStore = new InMemorySessionStore();
            userStore = new InMemoryUserStore();
        } else {
            JpaTransactions tx;
            String dialect;
            BetterAuthConfig.DatabaseConnection db = config.databaseConnection();
            if (db.configured()) {
                // A database of its own (Tomcat: no JTA, no @PersistenceContext); used on any container when set.
                JdbcPersistenceUnit unit = openUnit(db);
                dialect = prepareDatabase(config, unit::connect, "better-auth.database.url");
                tx = unit.transactions();
            } else {
                dialect = prepareDatabase(config,
                        () -> InitialContext.<DataSource>doLookup(DEFAULT_DATA_SOURCE).getConnection(),
                        DEFAULT_DATA_SOURCE);
                tx = jpa.get();
            }
            char quote = SchemaInstaller.quote(dialect).charAt(0);
            limits = SchemaInstaller.columnLimits(dialect);
            sessionStore = new JpaSessionStore(tx, new AdditionalColumns(config.sessionFields(), "session", "token", quote));
            userStore = new JpaUserStore(tx, new AdditionalColumns(config.userFields(), "user", "id", quote));
        }
        // The table store (before any secondary-storage wrapping) purges expired rows, when it can.
        ExpiredSessionPurge purgeable = sessionStore instanceof ExpiredSessionPurge p ? p : null;
        SecondaryStorage secondary = secondaryStorage(config);
        if (secondary != null) {
            SessionStore keys = new SecondaryStorageSessionStore(secondary, userStore, Clock.systemUTC(),
                    java.time.Duration.ofSeconds(config.session().expiresIn()));
            BetterAuthConfig.SecondaryStorage mode = config.secondaryStorage();
            sessionStore = !mode.storeSessionInDatabase() ? keys
                    : new TieredSessionStore(keys, sessionStore, mode.preserveSessionInDatabase(), Clock.systemUTC());
        }
        if (config.hashTokens()) {
            // Outermost, so every store underneath (table, Redis keys, the app's own) only sees SHA-256(token).
            sessionStore = new io.betterauth.jakarta.store.hashed.HashedTokenSessionStore(sessionStore);
        }
        IdGenerator ids = new IdGenerator();
        SessionCookies cookies = new SessionCookies(config);
        SessionManager sessions = new SessionManager(config, sessionStore, userStore, cookies, ids, Clock.systemUTC(),
                events.isResolvable() ? events.get() : AuthEvents.NONE);
        PasswordHasher hasher = new PasswordHasher(config.emailAndPassword().maxConcurrentHashes());
        Endpoints endpoints = Endpoints.of(config, sessions, sessionStore, userStore, hasher, ids, limits);
        schedulePurge(config, purgeable);
        return new Services(config, sessions, cookies, endpoints,
                new RateLimiter(config.rateLimit(), secondary, Clock.systemUTC()));
    }

    /**
     * Schedules the purge of expired sessions and stale verification rows on the container's managed scheduled
     * executor (every {@code better-auth.purge.interval} seconds, the first run within a minute); cancelled at
     * shutdown. Not with {@code preserve-session-in-database}, whose rows are meant to stay.
     */
    private void schedulePurge(BetterAuthConfig config, ExpiredSessionPurge store) {
        BetterAuthConfig.Purge purge = config.purge();
        if (store == null || !purge.active() || config.secondaryStorage().preserveSessionInDatabase()) {
            return;
        }
        // Looked up rather than @Resource-injected, so a servlet container without Jakarta Concurrency (Tomcat)
        // still deploys: there the library runs one daemon thread of its own, stopped with the application.
        java.util.concurrent.ScheduledExecutorService executor;
        try {
            executor = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        } catch (NamingException | RuntimeException e) {
            java.util.concurrent.ScheduledExecutorService own = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "better-auth-purge");
                        t.setDaemon(true);
                        return t;
                    });
            closeables.add(own::shutdownNow);
            executor = own;
        }
        SessionPurger purger = new SessionPurger(store, Clock.systemUTC(), purge.batchSize(), 100);
        java.util.concurrent.ScheduledFuture<?> task = executor.scheduleWithFixedDelay(purger,
                Math.min(60, purge.interval()), purge.interval(), java.util.concurrent.TimeUnit.SECONDS);
        closeables.add(0, () -> task.cancel(false)); // first: before the stores it uses close
    }

    /** An app-provided {@link SecondaryStorage} bean, else Redis when a URL is configured, else none. */
    private SecondaryStorage secondaryStorage(BetterAuthConfig config) {
        if (appSecondaryStorage.isResolvable()) {
            return appSecondaryStorage.get();
        }
        String url = config.secondaryStorage().redisUrl();
        if (url == null || url.isBlank()) {
            return null;
        }
        RedisSecondaryStorage redis = new RedisSecondaryStorage(url);
        closeables.add(redis);
        return redis;
    }

    @PreDestroy
    void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // shutting down: nothing left to do
            }
        }
    }

    private static List<ConfigSource> sources(ServletContext context) {
        List<ConfigSource> sources = new ArrayList<>();
        MicroProfileConfigSource.ifAvailable(Thread.currentThread().getContextClassLoader()).ifPresent(sources::add);
        if (context != null) {
            Map<String, String> params = new HashMap<>();
            for (String name : Collections.list(context.getInitParameterNames())) {
                params.put(name, context.getInitParameter(name));
            }
            sources.add(ConfigSource.of(params));
        }
        sources.add(ConfigSource.systemProperties());
        sources.add(ConfigSource.environment());
        return sources;
    }

    /** Opens a connection to the library's database. */
    @FunctionalInterface
    private interface ConnectionOpener {
        java.sql.Connection open() throws SQLException, NamingException;
    }

    /** The persistence unit on {@code better-auth.database.url}, closed with the application. */
    private JdbcPersistenceUnit openUnit(BetterAuthConfig.DatabaseConnection db) {
        try {
            JdbcPersistenceUnit unit = JdbcPersistenceUnit.open(db.url(), db.user(), db.password());
            closeables.add(unit);
            return unit;
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("Could not open Better Auth's persistence unit on better-auth.database.url "
                    + "(the JDBC driver and a JPA provider such as Hibernate must be in the application)", e);
        }
    }

    /**
     * Creates missing tables and additional-field columns (when auto-migrate is on) in the library's database (the
     * container's default data source, or {@code better-auth.database.url}), and answers its dialect ({@code ""} for
     * a database the library has no DDL for), for the additional columns' native SQL and the columns' limits.
     */
    private static String prepareDatabase(BetterAuthConfig config, ConnectionOpener database, String where) {
        try {
            try (java.sql.Connection c = database.open()) {
                if (config.autoMigrate()) {
                    SchemaInstaller.installIfMissing(c);
                    SchemaInstaller.addMissingColumns(c, "session", config.sessionFields());
                    SchemaInstaller.addMissingColumns(c, "user", config.userFields());
                }
                try {
                    return SchemaInstaller.dialect(c);
                } catch (IllegalStateException unknownDatabase) {
                    return ""; // the SQL standard's quote; dates as a JavaScript Date holds them
                }
            }
        } catch (NamingException e) {
            throw new IllegalStateException("Could not find " + where + ": this container has no default data "
                    + "source (Tomcat?). Set better-auth.database.url (BETTER_AUTH_DATABASE_URL) to a JDBC URL, or "
                    + "better-auth.database=memory for development", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare Better Auth's tables in " + where
                    + " (set better-auth.database.auto-migrate=false if you create them yourself)", e);
        }
    }
}
