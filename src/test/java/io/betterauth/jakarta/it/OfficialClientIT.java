package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.it.app.PromoteServlet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

/**
 * Interoperability with the real Better Auth 1.7.25: the official JS client ({@code better-auth/client}) signs up,
 * signs in on several devices, reads, lists and revokes sessions, gets our errors and signs out against this server,
 * and better-call's own cookie signer and reader check our signed cookies both ways. Run once per cookie-cache
 * strategy and once with Redis as secondary storage:
 *
 * <ul>
 *   <li>{@code /off}: no cookie cache;</li>
 *   <li>{@code /compact}, {@code /jwt}, {@code /jwe}: the cookie cache with that strategy; the script also checks the
 *       {@code session_data} cookie's shape and decodes it with Better Auth's own {@code getCookieCache};</li>
 *   <li>{@code /redis}: {@code redis://127.0.0.1:6379/12} as secondary storage, sessions also in the database; the
 *       script also reads the session's Redis key, and deletes the keys of its own users and tokens at the end
 *       (never anything else: other runs may share database 12).</li>
 *   <li>{@code /hardened}: this library's options beyond Better Auth on at once ({@link #HARDENED}: hashed tokens,
 *       an absolute lifetime, {@code __Host-} cookies, {@code Clear-Site-Data}, rate limits) with Better Auth's
 *       deferred refresh: the unchanged client still signs in, lists, revokes, refreshes, deletes and is limited
 *       with Better Auth's 429.</li>
 *   <li>{@code /bearer}: Better Auth's bearer plugin; apps that keep no cookies sign up, read, list, refresh, revoke
 *       and sign out with {@code set-auth-token} and {@code fetchOptions.auth} alone.</li>
 *   <li>{@code /multi-session}: Better Auth's multi-session plugin with the client's {@code multiSessionClient()}:
 *       device cookies, list, set-active, revoke, and sign-out of every account.</li>
 *   <li>{@code /admin}: Better Auth's admin plugin with the client's {@code adminClient()}: a non-admin's 403s, ban
 *       (sessions revoked, sign-in 403 {@code BANNED_USER}), unban, impersonation with the signed
 *       {@code admin_session} cookie (a forged one changes nothing), the impersonation hidden from
 *       {@code listSessions}, stop-impersonating. The script makes its admin through {@link PromoteServlet}.</li>
 *   <li>{@code /jwt-plugin}: Better Auth's jwt plugin with the client's {@code jwtClient()}; every JWT verified by
 *       {@code jose} against our {@code /jwks}, as a resource server does.</li>
 *   <li>{@code /jwt-cache}: the same with {@code session-cookie-cache} (Better Auth 1.7's session-cache JWT): the
 *       {@code session_data} cookie is read by Better Auth's own {@code getCookieCache} with our key set alone, the
 *       resource-server helper Better Auth documents for it.</li>
 * </ul>
 *
 * <p>delete-user is enabled everywhere but {@code /off}, which checks Better Auth's answer when it is disabled.
 *
 * <p>The Node side is {@code src/test/node/client-interop.mjs} (told the configuration by {@code CACHE_STRATEGY},
 * {@code STORAGE}, {@code DELETE_USER} and {@code PROFILE}; every check is named, and each run ends with
 * {@code client-interop: N checks passed, M failed}); its dependencies are pinned in {@code src/test/node/package-lock.json} and installed by
 * {@code npm ci} in Maven's generate-test-resources phase. The server is one Payara Micro process
 * ({@link PayaraMicroProcess}, log in {@code target/payara-client-interop/server.log}) with the eleven WARs, each on the
 * container's default (H2) data source; the scripts run one after the other. Nothing is skipped: a missing Redis
 * fails the {@code redis} run. Tagged {@code payara-only}: it starts Payara Micro itself whatever container profile
 * the build runs, so the WildFly pass excludes it (Arquillian would start one Payara Micro per deployment).
 */
@Tag("payara-only")
class OfficialClientIT {

    static final Path NODE_DIR = Path.of("src", "test", "node");
    static final long TIMEOUT_SECONDS = 180;
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    static final String REDIS_URL = "redis://127.0.0.1:6379/12";

    /**
     * This library's options beyond Better Auth, all on at once (they do not interfere), plus Better Auth's deferred
     * refresh and a declared session field; the cookie cache is off here (a cache answer carries no
     * {@code needsRefresh}).
     */
    static final Map<String, String> HARDENED = Map.of(
            "better-auth.session.hash-tokens", "true",
            "better-auth.session.absolute-expires-in", "864000",
            "better-auth.advanced.use-host-prefix", "true",
            "better-auth.advanced.use-secure-cookies", "true",
            "better-auth.advanced.clear-site-data", "true",
            "better-auth.rate-limit.enabled", "true",
            "better-auth.session.defer-session-refresh", "true",
            // (web.xml: XML-escaped) a declared session field for update-session
            "better-auth.session.additional-fields",
            "{&quot;activeOrganizationId&quot;:{&quot;type&quot;:&quot;string&quot;,&quot;required&quot;:false}}");

    static PayaraMicroProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        assertThat(NODE_DIR.resolve("node_modules").resolve("better-auth").toFile())
                .as("src/test/node/node_modules is missing: run `npm ci` there (Maven does it in generate-test-resources)")
                .isDirectory();
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        configs.put("off", Map.of());
        for (String strategy : new String[] {"compact", "jwt", "jwe"}) {
            configs.put(strategy, Map.of("better-auth.session.cookie-cache.enabled", "true",
                    "better-auth.session.cookie-cache.strategy", strategy));
        }
        configs.put("redis", Map.of("better-auth.secondary-storage.redis-url", REDIS_URL,
                "better-auth.session.store-session-in-database", "true"));
        configs.put("hardened", HARDENED);
        configs.put("bearer", Map.of("better-auth.plugins", "bearer"));
        configs.put("multi-session", Map.of("better-auth.plugins", "multi-session"));
        configs.put("jwt-plugin", Map.of("better-auth.plugins", "jwt"));
        configs.put("admin", Map.of("better-auth.plugins", "admin"));
        configs.put("jwt-cache", Map.of("better-auth.plugins", "jwt", "better-auth.plugins.jwt.session-cookie-cache",
                "true", "better-auth.session.cookie-cache.enabled", "true",
                "better-auth.session.cookie-cache.strategy", "jwt"));

        PayaraMicroProcess.Builder builder = PayaraMicroProcess.named("client-interop")
                .jvmOption("-Duser.timezone=UTC");
        WebArchive base = null;
        for (Map.Entry<String, Map<String, String>> c : configs.entrySet()) {
            Map<String, String> config = new HashMap<>(c.getValue());
            if (!c.getKey().equals("off")) {
                // /off keeps Better Auth's default (delete-user off) to check that answer
                config.put("better-auth.user.delete-user.enabled", "true");
            }
            config.put("better-auth.secret", Deployments.SECRET);
            config.put("better-auth.url", "http://localhost:8080");
            // the dependencies are resolved once
            WebArchive war = base == null ? Deployments.war(c.getKey(), config)
                    : Deployments.reconfigured(base, c.getKey(), config);
            if (base == null) {
                base = war;
            }
            if (c.getKey().equals("admin")) {
                war = war.addClass(PromoteServlet.class); // the script's way to make an admin
            }
            builder.deploy("/" + c.getKey(), war);
        }
        server = builder.start();
        try {
            server.awaitReady(READY_TIMEOUT);
        } catch (Throwable e) {
            stopServer();
            throw e;
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"off", "compact", "jwt", "jwe", "redis", "hardened", "bearer", "multi-session", "jwt-plugin",
            "admin", "jwt-cache"})
    void officialClient_andRealCookieCode_agreeWithOurServer(String config) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("BETTER_AUTH_SECRET", Deployments.SECRET);
        env.put("DELETE_USER", config.equals("off") ? "off" : "on");
        if (config.equals("hardened") || config.equals("bearer") || config.equals("multi-session")
                || config.equals("jwt-plugin") || config.equals("admin") || config.equals("jwt-cache")) {
            env.put("PROFILE", config.startsWith("jwt-") ? "jwt" : config);
            env.put("SESSION_CACHE_JWT", config.equals("jwt-cache") ? "on" : "off");
            env.put("CACHE_STRATEGY", "off");
            env.put("STORAGE", "database");
        } else if (config.equals("redis")) {
            try (RedisClient redis = RedisClient.create(REDIS_URL)) {
                assertThat(redis.ping()).as("Redis at " + REDIS_URL).isEqualTo("PONG");
            }
            env.put("CACHE_STRATEGY", "off");
            env.put("STORAGE", "redis");
            env.put("REDIS_URL", REDIS_URL);
        } else {
            env.put("CACHE_STRATEGY", config);
            env.put("STORAGE", "database");
        }
        NodeScript.run("client-interop", TIMEOUT_SECONDS, env, server.url("/" + config));
    }
}
