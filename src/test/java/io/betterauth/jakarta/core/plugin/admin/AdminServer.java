package io.betterauth.jakarta.core.plugin.admin;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.config.plugin.BearerOptions;
import io.betterauth.jakarta.config.plugin.JwtOptions;
import io.betterauth.jakarta.config.plugin.MultiSessionOptions;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.config.plugin.PluginOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.endpoint.SessionEndpoints;
import io.betterauth.jakarta.core.js.ClientJson;
import io.betterauth.jakarta.core.plugin.Plugins;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.testing.MutableClock;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A server with the admin plugin over in-memory stores and a clock the test moves, wired as the runtime wires it,
 * and the browsers that use it: the cookies they hold follow every answer's {@code Set-Cookie} lines.
 */
final class AdminServer {

    static final String SECRET = "admin-server-test-secret-0123456789abcdef";
    static final String PASSWORD = "admin-password-1";

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T06:00:00Z"));
    final InMemorySessionStore sessions = new InMemorySessionStore();
    final InMemoryUserStore users = new InMemoryUserStore();
    final BetterAuthConfig config;
    final Endpoints endpoints;
    final AdminPlugin admin;

    AdminServer(AdminOptions options) {
        this(options, false);
    }

    AdminServer(AdminOptions options, boolean cookieCache) {
        config = BetterAuthConfig.builder().secret(SECRET).baseUrl("http://localhost:3000")
                .emailAndPasswordEnabled(true).cookieCacheEnabled(cookieCache)
                .plugins(new PluginOptions(Set.of(Plugin.ADMIN), BearerOptions.DEFAULT, JwtOptions.DEFAULT, options,
                        MultiSessionOptions.DEFAULT))
                .build();
        SessionManager manager = new SessionManager(config, sessions, users, new SessionCookies(config),
                new IdGenerator(), clock, Plugins.databaseHooks(config, users, sessions, clock, AuthEvents.NONE));
        endpoints = Endpoints.of(config, manager, sessions, users, new PasswordHasher(1));
        admin = Plugins.of(config, manager, endpoints.guard(), null, clock,
                new Plugins.Stores(users, sessions, ColumnLimits.JAVASCRIPT_DATES)).admin().orElseThrow();
    }

    /** A browser: its cookie jar, its user. */
    final class Browser {
        final Map<String, String> jar = new LinkedHashMap<>();
        final String email;
        String userId;
        AuthResult last;

        Browser(String email) {
            this.email = email;
        }

        RequestCookies cookies() {
            return RequestCookies.parse(jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }

        /** Calls an endpoint as this browser and keeps the cookies it sets (Max-Age=0 removes one). */
        AuthResult call(BiFunction<RequestBody, Caller, AuthResult> endpoint, String body) {
            AuthResult r;
            try {
                r = endpoint.apply(body(body), Caller.serverSide(cookies(), () -> new ClientInfo("127.0.0.1", "test")));
            } catch (AuthException e) {
                r = AuthResult.of(e);
            }
            keep(r.setCookies());
            last = r;
            return r;
        }

        void keep(List<String> setCookies) {
            for (String line : setCookies) {
                String pair = line.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                if (line.contains("Max-Age=0")) {
                    jar.remove(name);
                } else {
                    jar.put(name, pair.substring(pair.indexOf('=') + 1));
                }
            }
        }

        /** The session token the browser's cookie names (unsigned), or null. */
        String token() {
            return new SessionCookies(config).sessionToken(cookies()).orElse(null);
        }

        AuthResult signIn() {
            return call(endpoints.emailPassword()::signIn,
                    "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        }

        /** Signs in with {@code rememberMe:false}: a don't-remember session. */
        AuthResult signInForgetful() {
            return call(endpoints.emailPassword()::signIn,
                    "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"rememberMe\":false}");
        }

        /** {@code GET /get-session} as this browser. */
        AuthResult getSession() {
            return call((b, c) -> endpoints.sessions().getSession(c, GetSessionOptions.DEFAULT,
                    SessionEndpoints.Customizer.NONE), "{}");
        }

        /** {@code GET /list-sessions} as this browser. */
        AuthResult listSessions() {
            return call((b, c) -> endpoints.sessions().listSessions(c, GetSessionOptions.DEFAULT,
                    SessionEndpoints.Customizer.NONE), "{}");
        }
    }

    Browser signUp(String tag) {
        Browser b = new Browser(tag + "-" + System.nanoTime() + "@example.com");
        AuthResult r = b.call(endpoints.emailPassword()::signUp,
                "{\"name\":\"A\",\"email\":\"" + b.email + "\",\"password\":\"" + PASSWORD + "\"}");
        b.userId = json(r).getJsonObject("user").getString("id");
        return b;
    }

    Browser signUpAdmin() {
        Browser b = signUp("admin");
        setRole(b.userId, "admin");
        return b;
    }

    void setRole(String userId, String role) {
        User u = users.findById(userId).orElseThrow();
        users.update(u.withAdditional(Map.of("role", role)));
    }

    User user(String id) {
        return users.findById(id).orElseThrow();
    }

    static RequestBody body(String json) {
        return new RequestBody(ClientJson.parse(json).orElseThrow().asJsonObject());
    }

    static JsonObject json(AuthResult r) {
        return ClientJson.parse(r.json()).orElseThrow().asJsonObject();
    }

    static List<String> names(List<String> setCookies) {
        List<String> names = new ArrayList<>();
        for (String line : setCookies) {
            names.add(line.substring(0, line.indexOf('=')) + (line.contains("Max-Age=0") ? " (expired)" : ""));
        }
        return names;
    }
}
