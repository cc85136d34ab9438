package io.betterauth.jakarta.core.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
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
import io.betterauth.jakarta.core.plugin.Exchange;
import io.betterauth.jakarta.core.plugin.Plugins;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.JwkRecord;
import io.betterauth.jakarta.spi.JwksStore;
import io.betterauth.jakarta.store.memory.InMemoryJwksStore;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The jwt plugin through its endpoints and its after-hook as the REST layer runs them, over in-memory stores:
 * {@code GET /token}, {@code GET /jwks} and {@code set-auth-jwt} on get-session, as Better Auth 1.7.25 answers them.
 */
class JwtPluginTest {

    static final String SECRET = "jwt-plugin-test-secret-0123456789abcdef";
    static final String ORIGIN = "http://localhost:3000";

    /** The library's core with the plugins on, as the runtime wires it. */
    static final class Server {
        final BetterAuthConfig config;
        final SessionManager manager;
        final Endpoints endpoints;
        final Plugins plugins;

        Server(Set<Plugin> on, JwtOptions jwt, String secret, JwksStore keys) {
            config = BetterAuthConfig.builder().secret(secret).baseUrl(ORIGIN + "/some/path")
                    .emailAndPasswordEnabled(true)
                    .plugins(new PluginOptions(on, BearerOptions.DEFAULT, jwt, AdminOptions.DEFAULT, MultiSessionOptions.DEFAULT))
                    .build();
            InMemorySessionStore store = new InMemorySessionStore();
            InMemoryUserStore users = new InMemoryUserStore();
            manager = new SessionManager(config, store, users, new SessionCookies(config), new IdGenerator(),
                    Clock.systemUTC());
            endpoints = Endpoints.of(config, manager, store, users, new PasswordHasher(1));
            plugins = Plugins.of(config, manager, endpoints.guard(), keys, Clock.systemUTC());
        }

        Server() {
            this(Set.of(Plugin.JWT), JwtOptions.DEFAULT, SECRET, new InMemoryJwksStore());
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

        /** Signs a user up; the session cookie ({@code name=value}). */
        String signUp(String email) {
            AuthResult r = call("/sign-up/email", null, c -> endpoints.emailPassword().signUp(new RequestBody(
                    ClientJson.parse("{\"name\":\"Zoë\",\"email\":\"" + email
                            + "\",\"password\":\"jwt-password-123\"}").orElseThrow().asJsonObject()), c));
            assertThat(r.status()).as(r.json()).isEqualTo(200);
            return r.setCookies().get(0).split(";", 2)[0];
        }

        AuthResult token(String cookie) {
            return call("/token", cookie, c -> plugins.jwt().orElseThrow().token(c));
        }

        AuthResult getSession(String cookie) {
            return call("/get-session", cookie, c -> endpoints.sessions().getSession(c, GetSessionOptions.DEFAULT,
                    SessionEndpoints.Customizer.NONE));
        }
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** The token verified against the key the server publishes, by kid; its payload. */
    static JsonObject verified(Server server, String token) throws Exception {
        JWSObject jws = JWSObject.parse(token);
        String kid = jws.getHeader().getKeyID();
        JsonObject key = json(server.plugins.jwt().orElseThrow().jwks().json()).getJsonArray("keys")
                .getValuesAs(JsonObject.class).stream().filter(k -> k.getString("kid").equals(kid)).findFirst()
                .orElseThrow();
        JwkAlgorithm alg = JwkAlgorithm.named(key.getString("alg"));
        assertThat(jws.verify(JwkKeys.verifier(alg, key.toString()))).isTrue();
        return json(jws.getPayload().toString());
    }

    @Test
    void token_withoutASession_is401_inBetterAuthsShape() {
        AuthResult r = new Server().token(null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json()).isEqualTo("{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
    }

    @Test
    void token_isAJwtOfTheSessionsUser_signedWithAPublishedKey() throws Exception {
        Server server = new Server();
        String cookie = server.signUp("jwt-" + System.nanoTime() + "@example.com");
        AuthResult r = server.token(cookie);
        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r.json()).keySet()).containsExactly("token");
        String token = json(r.json()).getString("token");
        assertThat(JWSObject.parse(token).getHeader().toJSONObject()).containsOnlyKeys("alg", "kid")
                .containsEntry("alg", "EdDSA");
        JsonObject payload = verified(server, token);
        String user = json(server.getSession(cookie).json()).getJsonObject("user").getString("id");
        assertThat(payload.keySet()).containsExactly("iat", "name", "email", "emailVerified", "image", "createdAt",
                "updatedAt", "id", "sub", "exp", "iss", "aud");
        assertThat(payload.getString("sub")).isEqualTo(user);
        assertThat(payload.getString("name")).isEqualTo("Zoë");
        assertThat(payload.getJsonNumber("exp").longValue() - payload.getJsonNumber("iat").longValue()).isEqualTo(900);
        assertThat(payload.getString("iss")).isEqualTo(ORIGIN); // the base URL's origin: its path left out
        assertThat(payload.getString("aud")).isEqualTo(ORIGIN);
    }

    @Test
    void getSession_withASession_carriesTheJwtInSetAuthJwt_exposedToScripts() throws Exception {
        Server server = new Server();
        String cookie = server.signUp("jwt-" + System.nanoTime() + "@example.com");
        AuthResult r = server.getSession(cookie);
        assertThat(r.headers()).containsEntry("Access-Control-Expose-Headers", "set-auth-jwt");
        JsonObject payload = verified(server, r.headers().get(JwtPlugin.SET_AUTH_JWT));
        assertThat(payload.getString("sub")).isEqualTo(json(r.json()).getJsonObject("user").getString("id"));
        assertThat(server.getSession(null).headers()).doesNotContainKey(JwtPlugin.SET_AUTH_JWT);
        assertThat(server.token(cookie).headers()).doesNotContainKey(JwtPlugin.SET_AUTH_JWT); // /get-session only
    }

    @Test
    void disableSettingJwtHeader_leavesGetSessionAlone_butTokenStillAnswers() {
        Server server = new Server(Set.of(Plugin.JWT), new JwtOptions("/jwks", JwkAlgorithm.EDDSA, null, 60, null,
                List.of(), "15m", true), SECRET, new InMemoryJwksStore());
        String cookie = server.signUp("jwt-" + System.nanoTime() + "@example.com");
        assertThat(server.getSession(cookie).headers()).doesNotContainKeys(JwtPlugin.SET_AUTH_JWT,
                "Access-Control-Expose-Headers");
        assertThat(server.token(cookie).status()).isEqualTo(200);
    }

    @Test
    void withBearer_bothHeadersAreExposed_inThePluginsOrder() {
        Server server = new Server(Set.of(Plugin.JWT, Plugin.BEARER), JwtOptions.DEFAULT, SECRET,
                new InMemoryJwksStore());
        String email = "jwt-" + System.nanoTime() + "@example.com";
        AuthResult signUp = server.call("/sign-up/email", null, c -> server.endpoints.emailPassword().signUp(
                new RequestBody(ClientJson.parse("{\"name\":\"B\",\"email\":\"" + email
                        + "\",\"password\":\"jwt-password-123\"}").orElseThrow().asJsonObject()), c));
        assertThat(signUp.headers()).containsEntry("Access-Control-Expose-Headers", "set-auth-token")
                .doesNotContainKey(JwtPlugin.SET_AUTH_JWT);
        AuthResult session = server.call("/get-session", signUp.setCookies().get(0).split(";", 2)[0],
                c -> server.endpoints.sessions().getSession(c, GetSessionOptions.DEFAULT,
                        SessionEndpoints.Customizer.NONE).withSetCookies(signUp.setCookies()));
        assertThat(session.headers()).containsEntry("Access-Control-Expose-Headers", "set-auth-token, set-auth-jwt");
    }

    @Test
    void theKeySet_isPublishedWithoutAUse_andOneKeyIsMintedForAnEmptyTable() {
        InMemoryJwksStore keys = new InMemoryJwksStore();
        Server server = new Server(Set.of(Plugin.JWT), JwtOptions.DEFAULT, SECRET, keys);
        AuthResult r = server.call("/jwks", null, c -> server.plugins.jwt().orElseThrow().jwks());
        assertThat(r.status()).isEqualTo(200);
        JwkRecord row = keys.all().get(0);
        assertThat(r.json()).isEqualTo("{\"keys\":[{\"alg\":\"EdDSA\",\"crv\":\"Ed25519\","
                + row.publicKey().substring(row.publicKey().indexOf("\"x\""), row.publicKey().length() - 1)
                + ",\"kid\":\"" + row.id() + "\"}]}");
        assertThat(keys.all()).hasSize(1);
        assertThat(server.plugins.jwt().orElseThrow().jwksPath()).isEqualTo("/jwks");
    }

    @Test
    void aKeyTableWrittenWithAnotherSecret_makesToken500_withAnEmptyBody() {
        InMemoryJwksStore keys = new InMemoryJwksStore();
        Server first = new Server(Set.of(Plugin.JWT), JwtOptions.DEFAULT, SECRET, keys);
        first.plugins.jwt().orElseThrow().jwks(); // mints the key with the first secret
        Server other = new Server(Set.of(Plugin.JWT), JwtOptions.DEFAULT, "another-secret-0123456789abcdef01234",
                keys);
        String cookie = other.signUp("jwt-" + System.nanoTime() + "@example.com");
        AuthResult r = other.token(cookie);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json()).isEmpty();
    }

    @Test
    void withThePluginOff_thereAreNoJwtEndpoints_andNoHeader() {
        Server server = new Server(Set.of(), JwtOptions.DEFAULT, SECRET, new InMemoryJwksStore());
        assertThat(server.plugins.jwt()).isEmpty();
        String cookie = server.signUp("jwt-" + System.nanoTime() + "@example.com");
        assertThat(server.getSession(cookie).headers()).doesNotContainKey(JwtPlugin.SET_AUTH_JWT);
    }

    @Test
    void theDefaultIssuerAndAudience_areTheBaseUrlsOrigin_asNewUrlOriginWritesIt() {
        assertThat(JwtEndpoints.origin("https://App.Example.com:443/api/auth/")).isEqualTo("https://app.example.com");
        assertThat(JwtEndpoints.origin("http://127.0.0.1:3000/some/path")).isEqualTo("http://127.0.0.1:3000");
        assertThat(JwtEndpoints.origin("http://localhost:80")).isEqualTo("http://localhost");
        assertThat(JwtEndpoints.origin("https://[::1]:8443/x")).isEqualTo("https://[::1]:8443");
        assertThat(JwtEndpoints.origin(null)).isEmpty();
    }
}
