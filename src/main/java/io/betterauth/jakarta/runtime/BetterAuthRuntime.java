package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.plugin.Plugins;
import io.betterauth.jakarta.core.plugin.jwt.JwtEndpoints;
import io.betterauth.jakarta.core.plugin.jwt.KeyRing;
import io.betterauth.jakarta.core.plugin.jwt.verify.RemoteJwksVerifier;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.security.RateLimiter;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.spi.AuthMetrics;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.StoreProbe;
import io.betterauth.jakarta.spi.UserStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The composition root, once per application: the configuration (an app-produced {@link BetterAuthConfig} bean
 * wins; otherwise {@link ContainerConfigSources}), the stores ({@link StoreWiring}, which migrates the database
 * through {@link SchemaMigration}), the core services built on them, and the purge ({@link PurgeScheduler}). Started
 * by {@link BetterAuthBootstrap} so a bad configuration stops the deployment; what it opened is closed with the
 * application.
 */
@ApplicationScoped
public class BetterAuthRuntime {

    private static final Logger LOG = System.getLogger(BetterAuthRuntime.class.getName());

    /**
     * Everything built from one configuration; replaced as a whole, never field by field. In verifier mode
     * ({@link BetterAuthConfig#verifierMode()}) only {@code config} and {@code verifier} exist: asking for anything
     * else is a programming error with a message, not a {@code NullPointerException}.
     *
     * @param verifier the remote-JWKS verifier in verifier mode, null otherwise
     */
    public record Services(BetterAuthConfig config, SessionManager sessions, SessionCookies cookies,
                           Endpoints endpoints, RateLimiter rateLimiter, Plugins plugins,
                           RemoteJwksVerifier verifier) {

        /** The services of a server with sessions and endpoints (not verifier mode). */
        public Services(BetterAuthConfig config, SessionManager sessions, SessionCookies cookies, Endpoints endpoints,
                        RateLimiter rateLimiter, Plugins plugins) {
            this(config, sessions, cookies, endpoints, rateLimiter, plugins, null);
        }

        /** Verifier mode's services: the configuration and the verifier, nothing that needs a store. */
        static Services verifierMode(BetterAuthConfig config, RemoteJwksVerifier verifier) {
            return new Services(config, null, null, null, null, null, Objects.requireNonNull(verifier));
        }

        /** Whether this is verifier mode: the caller comes from a bearer JWT, never from a session. */
        public boolean verifierMode() {
            return verifier != null;
        }

        @Override
        public SessionManager sessions() {
            return present(sessions);
        }

        @Override
        public SessionCookies cookies() {
            return present(cookies);
        }

        @Override
        public Endpoints endpoints() {
            return present(endpoints);
        }

        @Override
        public RateLimiter rateLimiter() {
            return present(rateLimiter);
        }

        @Override
        public Plugins plugins() {
            return present(plugins);
        }

        private static <T> T present(T service) {
            if (service == null) {
                throw new IllegalStateException("Better Auth runs in verifier mode "
                        + "(better-auth.plugins.jwt.remote-jwks-url): there are no sessions, stores or endpoints; "
                        + "the caller is the bearer JWT's user (CurrentSession.user())");
            }
            return service;
        }
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
    /** MicroProfile Metrics or Micrometer where the container has one (one {@code @Alternative} wins), else none. */
    @Inject
    Instance<AuthMetrics> metrics;

    private final Closeables closeables = new Closeables();

    private volatile Services services;
    /** The stores under the services, for the health checks' probes. */
    private volatile StoreWiring.Stores stores;
    private volatile boolean closed;

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

    /** True once the services are built, until the application stops (the liveness check). */
    public boolean running() {
        return services != null && !closed;
    }

    /** The database store's probe, when the user store is one that can tell (JPA; an app's own store may). */
    public Optional<StoreProbe> databaseProbe() {
        StoreWiring.Stores s = stores;
        return s != null && s.users() instanceof StoreProbe p ? Optional.of(p) : Optional.empty();
    }

    /** The secondary storage's probe (Redis: {@code PING}), when one is configured and can tell. */
    public Optional<StoreProbe> secondaryStorageProbe() {
        StoreWiring.Stores s = stores;
        return s != null && s.secondary() instanceof StoreProbe p ? Optional.of(p) : Optional.empty();
    }

    private Services build(ServletContext context) {
        BetterAuthConfig config;
        if (appConfig.isResolvable()) {
            config = appConfig.get();
            ConfigLoader.warn(config);
        } else {
            config = new ConfigLoader(ContainerConfigSources.of(context)).load();
        }
        if (config.verifierMode()) {
            return verifierMode(config);
        }
        StoreWiring.Stores stores = new StoreWiring(appSessionStore, appUserStore, boundary, appSecondaryStorage,
                closeables).wire(config);
        this.stores = stores;
        AuthMetrics counters = metrics.isResolvable() ? metrics.get() : AuthMetrics.NONE;
        IdGenerator ids = new IdGenerator();
        // The jwt plugin's keys, shared by its endpoints and (session-cookie-cache) the session-cache JWT.
        KeyRing jwtKeys = config.plugins().on(Plugin.JWT) && stores.jwks() != null
                ? JwtEndpoints.keyRing(config, stores.jwks(), Clock.systemUTC()) : null;
        SessionCookies cookies = new SessionCookies(config,
                JwtEndpoints.sessionCacheCodec(config, jwtKeys).orElse(null));
        AuthEvents listeners = Plugins.databaseHooks(config, stores.users(), stores.sessions(), Clock.systemUTC(),
                events.isResolvable() ? events.get() : AuthEvents.NONE);
        SessionManager sessions = new SessionManager(config, stores.sessions(), stores.users(), cookies, ids,
                Clock.systemUTC(), listeners, counters);
        PasswordHasher hasher = new PasswordHasher(config.emailAndPassword().maxConcurrentHashes(),
                appPasswordHasher.isResolvable() ? appPasswordHasher.get() : null);
        Endpoints endpoints = Endpoints.of(config, sessions, stores.sessions(), stores.users(), hasher, ids,
                stores.limits());
        PurgeScheduler.schedule(config, stores.purgeable(), closeables);
        return new Services(config, sessions, cookies, endpoints,
                new RateLimiter(config.rateLimit(), stores.secondary(), Clock.systemUTC(), counters),
                Plugins.of(config, sessions, endpoints.guard(), stores.jwks(), Clock.systemUTC(),
                        new Plugins.Stores(stores.users(), stores.sessions(), stores.limits()), jwtKeys));
    }

    /** No store, no schema, no purge, no endpoints: only the verifier (logging what it will accept). */
    private Services verifierMode(BetterAuthConfig config) {
        RemoteJwksVerifier verifier = RemoteJwksVerifier.of(config.plugins().jwt(), Clock.systemUTC());
        closeables.add(verifier);
        LOG.log(Level.INFO, "Better Auth in verifier mode: callers are Bearer JWTs signed by a key of "
                + config.plugins().jwt().remoteJwks().url() + " with iss " + verifier.issuer() + " and aud "
                + verifier.audience() + " (set better-auth.plugins.jwt.issuer/.audience when the issuer's base URL "
                + "differs); no database, no endpoints");
        return Services.verifierMode(config, verifier);
    }

    @PreDestroy
    void close() {
        closed = true;
        closeables.closeAll();
    }
}
