package io.betterauth.jakarta.core.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.config.ConfigSource;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.config.plugin.BearerOptions;
import io.betterauth.jakarta.config.plugin.JwtOptions;
import io.betterauth.jakarta.config.plugin.MultiSessionOptions;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.config.plugin.PluginOptions;
import io.betterauth.jakarta.core.cookie.CookieChunks;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.endpoint.SessionEndpoints;
import io.betterauth.jakarta.core.js.ClientJson;
import io.betterauth.jakarta.core.plugin.Exchange;
import io.betterauth.jakarta.core.plugin.Plugins;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.store.memory.InMemoryJwksStore;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code better-auth.plugins.jwt.session-cookie-cache} through get-session as the REST layer runs it, over in-memory
 * stores wired as the runtime wires them: the {@code session_data} cookie is the jwt plugin's session-cache JWT, it
 * answers get-session without the store, and whatever does not verify is no cache (the store answers, never a 500).
 */
class SessionCookieCacheTest {

    static final String SECRET = "session-cookie-cache-test-secret-0123456789";
    static final String ORIGIN = "http://localhost:3000";
    static final JwtOptions SESSION_CACHE = new JwtOptions("/jwks", JwkAlgorithm.EDDSA, null, 2_592_000L, null,
            List.of(), "15m", false, null, true);

    static BetterAuthConfig config(CookieCacheStrategy strategy, JwtOptions jwt) {
        return BetterAuthConfig.builder().secret(SECRET).baseUrl(ORIGIN + "/some/path").emailAndPasswordEnabled(true)
                .cookieCacheEnabled(true).cookieCacheStrategy(strategy)
                .plugins(new PluginOptions(Set.of(Plugin.JWT), BearerOptions.DEFAULT, jwt, AdminOptions.DEFAULT,
                        MultiSessionOptions.DEFAULT))
                .build();
    }

    /** The core as BetterAuthRuntime wires it: one key ring for the endpoints and the cache. */
    static final class Server {
        final BetterAuthConfig config = config(CookieCacheStrategy.JWT, SESSION_CACHE);
        final InMemorySessionStore store = new InMemorySessionStore();
        final InMemoryJwksStore keys = new InMemoryJwksStore();
        final KeyRing ring = JwtEndpoints.keyRing(config, keys, Clock.systemUTC());
        final SessionCookies cookies = new SessionCookies(config,
                JwtEndpoints.sessionCacheCodec(config, ring).orElseThrow());
        final SessionManager manager;
        final Endpoints endpoints;
        final Plugins plugins;

        Server() {
            InMemoryUserStore users = new InMemoryUserStore();
            manager = new SessionManager(config, store, users, cookies, new IdGenerator(), Clock.systemUTC());
            endpoints = Endpoints.of(config, manager, store, users, new PasswordHasher(1));
            plugins = Plugins.of(config, manager, endpoints.guard(), keys, Clock.systemUTC(), null, ring);
        }

        AuthResult call(String path, String cookie, java.util.function.Function<Caller, AuthResult> endpoint) {
            RequestCookies sent = RequestCookies.parse(cookie == null ? "" : cookie);
            AuthResult answer;
            try {
                answer = endpoint.apply(Caller.serverSide(sent, () -> ClientInfo.UNKNOWN));
            } catch (AuthException e) {
                answer = AuthResult.of(e);
            }
            return plugins.respond(Exchange.endpoint(path, () -> sent), answer);
        }

        /** Signs a user up: the answer's cookies as a {@code Cookie} header. */
        String signUp(String email) {
            AuthResult r = call("/sign-up/email", null, c -> endpoints.emailPassword().signUp(new RequestBody(
                    ClientJson.parse("{\"name\":\"Zoë\",\"email\":\"" + email
                            + "\",\"password\":\"jwt-password-123\"}").orElseThrow().asJsonObject()), c));
            assertThat(r.status()).as(r.json()).isEqualTo(200);
            return cookieHeader(r.setCookies());
        }

        AuthResult getSession(String cookie) {
            return call("/get-session", cookie, c -> endpoints.sessions().getSession(c, GetSessionOptions.DEFAULT,
                    SessionEndpoints.Customizer.NONE));
        }
    }

    static String cookieHeader(List<String> setCookies) {
        return setCookies.stream().filter(l -> !l.contains("Max-Age=0")).map(l -> l.split(";", 2)[0])
                .collect(Collectors.joining("; "));
    }

    static Map<String, String> pairs(String header) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : header.split("; ")) {
            m.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
        return m;
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    static JsonObject part(String jwt, int i) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]), StandardCharsets.UTF_8));
    }

    @Test
    void signIn_writesTheSessionCacheJwt_signedWithThePublishedKey() {
        Server server = new Server();
        String cookies = server.signUp("cache-" + System.nanoTime() + "@example.com");
        String value = CookieChunks.read("better-auth.session_data", RequestCookies.parse(cookies)).orElseThrow();
        JsonObject header = part(value, 0);
        assertThat(header.keySet()).containsExactly("alg", "kid", "typ");
        assertThat(header.getString("alg")).isEqualTo("EdDSA");
        assertThat(header.getString("typ")).isEqualTo("better-auth.session-cache+jwt");
        String kid = header.getString("kid");
        assertThat(json(server.plugins.jwt().orElseThrow().jwks().json()).getJsonArray("keys")
                .getValuesAs(JsonObject.class)).extracting(k -> k.getString("kid")).containsExactly(kid);
        JsonObject claims = part(value, 1);
        assertThat(claims.keySet()).containsExactly("session", "user", "updatedAt", "version", "sid", "iat", "exp",
                "iss", "aud", "sub");
        assertThat(claims.getString("iss")).isEqualTo(ORIGIN);
        assertThat(claims.getString("aud")).isEqualTo("better-auth:session-cache");
        assertThat(claims.getString("sub")).isEqualTo(claims.getJsonObject("user").getString("id"));
        assertThat(claims.getString("sid")).isEqualTo(claims.getJsonObject("session").getString("token"));
        assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue()).isEqualTo(300);
    }

    @Test
    void getSession_answersFromTheCache_withoutTheStore() {
        Server server = new Server();
        String cookies = server.signUp("cache-" + System.nanoTime() + "@example.com");
        String token = json(server.getSession(cookies).json()).getJsonObject("session").getString("token");
        server.store.delete(token); // only the cache can answer now
        AuthResult cached = server.getSession(cookies);
        assertThat(cached.status()).isEqualTo(200);
        assertThat(json(cached.json()).getJsonObject("session").getString("token")).isEqualTo(token);
        assertThat(cached.setCookies()).isEmpty();
        // bypassing the cache reads the store: the session is gone
        AuthResult fromStore = server.call("/get-session", cookies, c -> server.endpoints.sessions().getSession(c,
                new GetSessionOptions(false, false, true), SessionEndpoints.Customizer.NONE));
        assertThat(fromStore.json()).isEqualTo("null");
    }

    @Test
    void aCacheThatDoesNotVerify_isNoCache_theStoreAnswers_andTheCacheIsReissued() {
        Server server = new Server();
        String cookies = server.signUp("cache-" + System.nanoTime() + "@example.com");
        Map<String, String> jar = pairs(cookies);
        String value = jar.get("better-auth.session_data");
        String[] p = value.split("\\.");
        for (String forged : List.of(p[0] + "." + p[1] + ".AAAA", "garbage", p[1] + "." + p[0] + "." + p[2],
                "x".repeat(5000))) {
            jar.put("better-auth.session_data", forged);
            String header = jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
            AuthResult r = server.getSession(header);
            assertThat(r.status()).as(forged).isEqualTo(200);
            assertThat(json(r.json()).getJsonObject("session").getString("token"))
                    .isEqualTo(part(value, 1).getString("sid"));
            assertThat(r.setCookies()).as("a fresh cache from the store read")
                    .anyMatch(l -> l.startsWith("better-auth.session_data=eyJ") && !l.contains("Max-Age=0"));
        }
    }

    @Test
    void anotherSessionsCache_withMySessionToken_isNoCache() {
        Server server = new Server();
        String mine = server.signUp("mine-" + System.nanoTime() + "@example.com");
        String theirs = server.signUp("theirs-" + System.nanoTime() + "@example.com");
        Map<String, String> jar = pairs(mine);
        jar.put("better-auth.session_data", pairs(theirs).get("better-auth.session_data"));
        String header = jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        String myToken = json(server.getSession(mine).json()).getJsonObject("session").getString("token");
        AuthResult r = server.getSession(header);
        assertThat(json(r.json()).getJsonObject("session").getString("token")).isEqualTo(myToken);
        assertThat(json(r.json()).getJsonObject("user").getString("email")).startsWith("mine-");
    }

    @Test
    void theOptionNeedsTheJwtStrategy_asBetterAuthRefusesToStart() {
        for (CookieCacheStrategy other : List.of(CookieCacheStrategy.COMPACT, CookieCacheStrategy.JWE)) {
            BetterAuthConfig refused = config(other, SESSION_CACHE);
            assertThatThrownBy(() -> new SessionCookies(refused, null)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("requires `session.cookieCache.strategy = \"jwt\"`")
                    .hasMessageContaining("better-auth.session.cookie-cache.strategy=jwt");
        }
        assertThat(config(CookieCacheStrategy.COMPACT, JwtOptions.DEFAULT).plugins().jwt().sessionCookieCache())
                .isFalse();
        // the HS256 codec cannot stand in for the plugin's keys
        assertThatThrownBy(() -> new SessionCookies(config(CookieCacheStrategy.JWT, SESSION_CACHE)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(JwtEndpoints.sessionCacheCodec(config(CookieCacheStrategy.JWT, JwtOptions.DEFAULT),
                new Server().ring)).isEmpty();
    }

    @Test
    void theOptionIsRead_fromItsKey() {
        BetterAuthConfig loaded = new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET,
                "better-auth.plugins", "jwt", "better-auth.session.cookie-cache.enabled", "true",
                "better-auth.session.cookie-cache.strategy", "jwt",
                "better-auth.plugins.jwt.session-cookie-cache", "true")))).load();
        assertThat(loaded.plugins().jwt().sessionCookieCache()).isTrue();
        BetterAuthConfig compact = new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET,
                "better-auth.plugins", "jwt", "better-auth.plugins.jwt.session-cookie-cache", "true")))).load();
        assertThatThrownBy(() -> new SessionCookies(compact)).isInstanceOf(ConfigurationException.class);
    }
}
