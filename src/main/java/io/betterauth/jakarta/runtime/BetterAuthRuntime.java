package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.security.RateLimiter;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Clock;

/**
 * The composition root, once per application: the configuration (an app-produced {@link BetterAuthConfig} bean
 * wins; otherwise {@link ContainerConfigSources}), the stores ({@link StoreWiring}, which migrates the database
 * through {@link SchemaMigration}), the core services built on them, and the purge ({@link PurgeScheduler}). Started
 * by {@link BetterAuthBootstrap} so a bad configuration stops the deployment; what it opened is closed with the
 * application.
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
    Instance<StoreTransactionBoundary> boundary;
    @Inject
    Instance<SecondaryStorage> appSecondaryStorage;
    @Inject
    Instance<CdiAuthEvents> events;
    @Inject
    Instance<io.betterauth.jakarta.spi.PasswordHasher> appPasswordHasher;

    private final Closeables closeables = new Closeables();

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
            config = new ConfigLoader(ContainerConfigSources.of(context)).load();
        }
        StoreWiring.Stores stores = new StoreWiring(appSessionStore, appUserStore, boundary, appSecondaryStorage,
                closeables).wire(config);
        IdGenerator ids = new IdGenerator();
        SessionCookies cookies = new SessionCookies(config);
        SessionManager sessions = new SessionManager(config, stores.sessions(), stores.users(), cookies, ids,
                Clock.systemUTC(), events.isResolvable() ? events.get() : AuthEvents.NONE);
        PasswordHasher hasher = new PasswordHasher(config.emailAndPassword().maxConcurrentHashes(),
                appPasswordHasher.isResolvable() ? appPasswordHasher.get() : null);
        Endpoints endpoints = Endpoints.of(config, sessions, stores.sessions(), stores.users(), hasher, ids,
                stores.limits());
        PurgeScheduler.schedule(config, stores.purgeable(), closeables);
        return new Services(config, sessions, cookies, endpoints,
                new RateLimiter(config.rateLimit(), stores.secondary(), Clock.systemUTC()));
    }

    @PreDestroy
    void close() {
        closeables.closeAll();
    }
}
