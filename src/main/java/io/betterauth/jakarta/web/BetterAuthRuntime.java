package io.betterauth.jakarta.web;

import io.betterauth.jakarta.core.BetterAuthConfig;
import io.betterauth.jakarta.core.ConfigLoader;
import io.betterauth.jakarta.core.ConfigSource;
import io.betterauth.jakarta.core.EmailPasswordAuth;
import io.betterauth.jakarta.core.IdGenerator;
import io.betterauth.jakarta.core.OriginCheck;
import io.betterauth.jakarta.core.SessionApi;
import io.betterauth.jakarta.core.PasswordHasher;
import io.betterauth.jakarta.core.SessionCookies;
import io.betterauth.jakarta.core.SessionManager;
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
    public record Services(BetterAuthConfig config, SessionManager sessions, EmailPasswordAuth emailPassword,
                           SessionCookies cookies, SessionApi api, OriginCheck originCheck) {
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
        if (appSessionStore.isResolvable() && appUserStore.isResolvable()) {
            sessionStore = appSessionStore.get();
            userStore = appUserStore.get();
        } else if ("memory".equals(config.database()) || config.stateless()) {
            // Stateless mode keeps users (and sessions until a restart) in memory, as Better Auth's memory adapter.
            sessionStore = new InMemorySessionStore();
            userStore = new InMemoryUserStore();
        } else {
            char quote = prepareDatabase(config).charAt(0);
            ContainerJpaTransactions tx = jpa.get();
            sessionStore = new JpaSessionStore(tx, new AdditionalColumns(config.sessionFields(), "session", "token", quote));
            userStore = new JpaUserStore(tx, new AdditionalColumns(config.userFields(), "user", "id", quote));
        }
        SecondaryStorage secondary = secondaryStorage(config);
        if (secondary != null) {
            SessionStore keys = new SecondaryStorageSessionStore(secondary, userStore, Clock.systemUTC(),
                    java.time.Duration.ofSeconds(config.session().expiresIn()));
            BetterAuthConfig.SecondaryStorage mode = config.secondaryStorage();
            sessionStore = !mode.storeSessionInDatabase() ? keys
                    : new TieredSessionStore(keys, sessionStore, mode.preserveSessionInDatabase(), Clock.systemUTC());
        }
        IdGenerator ids = new IdGenerator();
        SessionCookies cookies = new SessionCookies(config);
        SessionManager sessions = new SessionManager(config, sessionStore, userStore, cookies, ids, Clock.systemUTC(),
                events.isResolvable() ? events.get() : AuthEvents.NONE);
        PasswordHasher hasher = new PasswordHasher();
        EmailPasswordAuth emailPassword = new EmailPasswordAuth(config, userStore, sessions, hasher, ids);
        SessionApi api = new SessionApi(config, sessions, sessionStore, userStore, hasher);
        return new Services(config, sessions, emailPassword, cookies, api, new OriginCheck(config));
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

    /**
     * Creates missing tables and additional-field columns (when auto-migrate is on) in the container's default
     * data source, and answers the identifier quote of its database for the additional columns' native SQL.
     */
    private static String prepareDatabase(BetterAuthConfig config) {
        try {
            DataSource ds = InitialContext.doLookup("java:comp/DefaultDataSource");
            try (java.sql.Connection c = ds.getConnection()) {
                if (config.autoMigrate()) {
                    SchemaInstaller.installIfMissing(c);
                    SchemaInstaller.addMissingColumns(c, "session", config.sessionFields());
                    SchemaInstaller.addMissingColumns(c, "user", config.userFields());
                }
                try {
                    return SchemaInstaller.quote(SchemaInstaller.dialect(c));
                } catch (IllegalStateException unknownDatabase) {
                    return "\""; // the SQL standard's quote
                }
            }
        } catch (NamingException | SQLException e) {
            throw new IllegalStateException("Could not prepare Better Auth's tables in java:comp/DefaultDataSource "
                    + "(set better-auth.database.auto-migrate=false if you create them yourself)", e);
        }
    }
}
