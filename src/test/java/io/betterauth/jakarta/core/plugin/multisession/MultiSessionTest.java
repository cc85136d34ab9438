package io.betterauth.jakarta.core.plugin.multisession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.AuthException;
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
import io.betterauth.jakarta.core.js.ClientJson;
import io.betterauth.jakarta.core.plugin.Exchange;
import io.betterauth.jakarta.core.plugin.Plugins;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The multi-session plugin as one browser lives it, through the endpoints and the after-hooks as the REST layer
 * runs them, over in-memory stores: the device cookies Better Auth 1.7.25 writes (names, attributes, the cap, the
 * same user replaced), the three endpoints, and sign-out ending every account of the browser.
 */
class MultiSessionTest {

    static final String SECRET = "multi-session-test-secret-0123456789abcdef";
    static final String TOKEN = "better-auth.session_token";
    static final String ATTRIBUTES = "; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax";

    final Server server = new Server(5);
    final SessionManager manager = server.manager;

    /** The library's core over in-memory stores, with multi-session on, as the runtime wires it. */
    static final class Server {
        final InMemorySessionStore memory = new InMemorySessionStore();
        /** Session reads by token, the cost a request's device cookies can ask for. */
        final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        final io.betterauth.jakarta.spi.SessionStore store = (io.betterauth.jakarta.spi.SessionStore)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {io.betterauth.jakarta.spi.SessionStore.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("find")) {
                                reads.incrementAndGet();
                            }
                            try {
                                return method.invoke(memory, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        final BetterAuthConfig config;
        final SessionManager manager;
        final Endpoints endpoints;
        final Plugins plugins;
        final SessionCookies cookies;

        Server(int maximumSessions) {
            this(maximumSessions, 0, Clock.systemUTC());
        }

        /** With ours {@code absolute-expires-in} (0: off) and a clock the test moves. */
        Server(int maximumSessions, long absoluteExpiresIn, Clock clock) {
            config = BetterAuthConfig.builder().secret(SECRET).baseUrl("http://localhost:3000")
                    .emailAndPasswordEnabled(true).absoluteExpiresIn(absoluteExpiresIn)
                    .plugins(new PluginOptions(Set.of(Plugin.MULTI_SESSION), BearerOptions.DEFAULT, JwtOptions.DEFAULT,
                            AdminOptions.DEFAULT, new MultiSessionOptions(maximumSessions)))
                    .build();
            cookies = new SessionCookies(config);
            InMemoryUserStore users = new InMemoryUserStore();
            manager = new SessionManager(config, store, users, cookies, new IdGenerator(), clock);
            endpoints = Endpoints.of(config, manager, store, users, new PasswordHasher(1));
            plugins = Plugins.of(config, manager, endpoints.guard());
        }

        /** One browser: its cookie jar, and each answer it got after the after-hooks. */
        final class Browser {
            final Map<String, String> jar = new LinkedHashMap<>();
            List<String> lastSetCookies;

            RequestCookies cookies() {
                return RequestCookies.parse(jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }

            Caller caller() {
                return Caller.serverSide(cookies(), () -> ClientInfo.UNKNOWN);
            }

            JsonObject call(String path, java.util.function.Function<Caller, AuthResult> endpoint) {
                RequestCookies sent = cookies();
                AuthResult answer;
                try {
                    answer = plugins.respond(Exchange.endpoint(path, () -> sent), endpoint.apply(caller()));
                } catch (AuthException e) {
                    answer = AuthResult.of(e);
                }
                lastSetCookies = answer.setCookies();
                for (String line : lastSetCookies) {
                    String pair = line.split(";", 2)[0];
                    String name = pair.substring(0, pair.indexOf('='));
                    if (line.contains("Max-Age=0")) {
                        jar.remove(name);
                    } else {
                        jar.put(name, pair.substring(name.length() + 1));
                    }
                }
                String json = answer.json().isEmpty() ? "null" : answer.json();
                JsonObject out = Json.createObjectBuilder().add("status", answer.status())
                        .add("body", Json.createReader(new StringReader(json)).readValue()).build();
                return out;
            }

            String signUp(String email) {
                JsonObject r = call("/sign-up/email", c -> endpoints.emailPassword().signUp(body(
                        "{\"name\":\"M\",\"email\":\"" + email + "\",\"password\":\"multi-password-1\"}"), c));
                assertThat(r.getInt("status")).as(r.toString()).isEqualTo(200);
                return r.getJsonObject("body").getString("token");
            }

            String signIn(String email) {
                JsonObject r = call("/sign-in/email", c -> endpoints.emailPassword().signIn(body(
                        "{\"email\":\"" + email + "\",\"password\":\"multi-password-1\"}"), c));
                assertThat(r.getInt("status")).as(r.toString()).isEqualTo(200);
                return r.getJsonObject("body").getString("token");
            }

            List<String> deviceTokens() {
                JsonArray listed = call("/multi-session/list-device-sessions",
                        c -> multiSession().listDeviceSessions(c)).getJsonArray("body");
                return listed.stream().map(v -> v.asJsonObject().getJsonObject("session").getString("token")).toList();
            }

            JsonObject setActive(String token) {
                return call("/multi-session/set-active",
                        c -> multiSession().setActive(body("{\"sessionToken\":\"" + token + "\"}"), c));
            }

            JsonObject revoke(String token) {
                return call("/multi-session/revoke",
                        c -> multiSession().revoke(body("{\"sessionToken\":\"" + token + "\"}"), c));
            }

            String active() {
                return cookies.sessionToken(cookies()).orElse(null);
            }
        }

        MultiSessionEndpoints multiSession() {
            return plugins.multiSession().orElseThrow();
        }

        String device(String token) {
            return TOKEN + "_multi-" + token.toLowerCase(java.util.Locale.ROOT) + "="
                    + io.betterauth.jakarta.core.js.UriComponent.encode(cookies.sign(token)) + ATTRIBUTES;
        }

    }

    static String expired(String name) {
        return name + "=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax";
    }

    static RequestBody body(String json) {
        return new RequestBody(ClientJson.parse(json).orElseThrow().asJsonObject());
    }

    static String email(String tag) {
        return tag + "-" + System.nanoTime() + "@example.com";
    }

    @Test
    void everyNewSession_getsItsSignedDeviceCookie_andTheBrowserListsEachAccountOnce() {
        Server.Browser browser = server.new Browser();
        String a = browser.signUp(email("a"));
        assertThat(browser.lastSetCookies).hasSize(2).last().isEqualTo(server.device(a));
        String b = browser.signUp(email("b"));
        assertThat(browser.lastSetCookies).last().isEqualTo(server.device(b));
        assertThat(browser.active()).isEqualTo(b);
        assertThat(browser.deviceTokens()).containsExactly(a, b);

        JsonObject active = browser.setActive(a);
        assertThat(active.getInt("status")).isEqualTo(200);
        assertThat(active.getJsonObject("body").getJsonObject("session").getString("token")).isEqualTo(a);
        assertThat(browser.active()).isEqualTo(a);
        assertThat(browser.lastSetCookies).as("the request already has a's device cookie: no new one")
                .noneMatch(l -> l.contains("_multi-"));
    }

    @Test
    void signingInAgainAsTheSameUser_replacesThatUsersOlderSession() {
        Server.Browser browser = server.new Browser();
        String email = email("again");
        String first = browser.signUp(email);
        String second = browser.signIn(email);
        assertThat(browser.lastSetCookies).contains(expired(TOKEN + "_multi-" + first.toLowerCase()), server.device(second));
        assertThat(manager.find(first)).as("the older session is deleted").isEmpty();
        assertThat(browser.deviceTokens()).containsExactly(second);
    }

    @Test
    void maximumSessions_neverRefusesASignIn_itsSessionJustGetsNoDeviceCookie() {
        Server.Browser browser = new Server(2).new Browser();
        String a = browser.signUp(email("cap-a"));
        String b = browser.signUp(email("cap-b"));
        String c = browser.signUp(email("cap-c"));
        assertThat(browser.active()).isEqualTo(c);
        assertThat(browser.lastSetCookies).noneMatch(l -> l.contains("_multi-"));
        assertThat(browser.deviceTokens()).containsExactly(a, b);
    }

    @Test
    void setActive_onlyForASignedDeviceCookie_andAGoneSessionsCookieIsExpired() {
        Server.Browser browser = server.new Browser();
        String a = browser.signUp(email("forged-a"));
        Server.Browser other = server.new Browser();
        String stranger = other.signUp(email("forged-b"));
        JsonObject forged = browser.setActive(stranger);
        assertThat(forged.getInt("status")).isEqualTo(401);
        assertThat(forged.getJsonObject("body").getString("code")).isEqualTo("INVALID_SESSION_TOKEN");
        assertThat(forged.getJsonObject("body").getString("message")).isEqualTo("Invalid session token");
        assertThat(browser.active()).isEqualTo(a);

        manager.delete(manager.find(a).orElseThrow().session(), "test");
        JsonObject gone = browser.setActive(a);
        assertThat(gone.getInt("status")).isEqualTo(401);
        assertThat(browser.lastSetCookies).containsExactly(expired(TOKEN + "_multi-" + a.toLowerCase()));
    }

    @Test
    void setActive_refusesASessionPastItsAbsoluteLifetime_asGetSessionDoes() {
        // Ours absolute-expires-in (checklist T-14): set-active must not answer, and re-issue the cookies of, a
        // session that get-session would end; its device cookie is expired as for a gone session.
        // The row's expiresAt as a Node Better Auth on the same database writes it: not capped at the limit.
        MovableClock clock = new MovableClock();
        Server limited = new Server(5, 3600, clock);
        Server.Browser browser = limited.new Browser();
        String a = browser.signUp(email("abs-a"));
        browser.signUp(email("abs-b"));
        limited.store.updateExpiry(a, clock.now.plusSeconds(604_800), clock.now);
        clock.now = clock.now.plusSeconds(3601);
        JsonObject old = browser.setActive(a);
        assertThat(old.getInt("status")).isEqualTo(401);
        assertThat(old.getJsonObject("body").getString("code")).isEqualTo("INVALID_SESSION_TOKEN");
        assertThat(browser.lastSetCookies).containsExactly(expired(TOKEN + "_multi-" + a.toLowerCase()));
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        volatile java.time.Instant now = java.time.Instant.now();

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void revokingTheActiveDeviceSession_makesTheNextOneActive_andTheLastOneSignsOut() {
        Server.Browser browser = server.new Browser();
        String a = browser.signUp(email("rev-a"));
        String b = browser.signUp(email("rev-b"));
        JsonObject revoked = browser.revoke(b);
        assertThat(revoked.getJsonObject("body")).isEqualTo(Json.createObjectBuilder().add("status", true).build());
        assertThat(manager.find(b)).isEmpty();
        assertThat(browser.active()).isEqualTo(a);
        assertThat(browser.lastSetCookies.get(0)).isEqualTo(expired(TOKEN + "_multi-" + b.toLowerCase()));

        browser.revoke(a);
        assertThat(browser.active()).isNull();
        assertThat(browser.jar).isEmpty();
        assertThat(browser.revoke(a).getInt("status")).as("no session any more").isEqualTo(401);
    }

    @Test
    void signOut_endsEveryAccountOfTheBrowser() {
        Server.Browser browser = server.new Browser();
        String a = browser.signUp(email("out-a"));
        String b = browser.signUp(email("out-b"));
        browser.call("/sign-out", c -> server.endpoints.sessions().signOut(c));
        assertThat(browser.lastSetCookies).endsWith(expired(TOKEN + "_multi-" + a.toLowerCase()),
                expired(TOKEN + "_multi-" + b.toLowerCase()));
        assertThat(manager.find(a)).isEmpty();
        assertThat(manager.find(b)).isEmpty();
        assertThat(browser.jar).isEmpty();
    }

    @Test
    void aServerSideSignOut_requestLogout_endsEveryAccountOfTheBrowser_asTheEndpointDoes() {
        // BetterAuthApi.signOut and request.logout(): Better Auth runs the plugins' hooks for auth.api.signOut too.
        // Without them the other accounts' device cookies stay valid, and set-active signs the next person in.
        Server.Browser browser = server.new Browser();
        String a = browser.signUp(email("logout-a"));
        String b = browser.signUp(email("logout-b"));
        RequestCookies sent = browser.cookies();
        List<String> lines = server.plugins.afterServerCall("/sign-out", sent,
                server.endpoints.sessions().signOut(sent).setCookies());
        assertThat(lines).contains(expired(TOKEN + "_multi-" + a.toLowerCase()),
                expired(TOKEN + "_multi-" + b.toLowerCase()));
        assertThat(manager.find(a)).isEmpty();
        assertThat(manager.find(b)).isEmpty();
    }

    @Test
    void aServerSideSignIn_getsItsDeviceCookie_andReplacesTheSameUsersOlderSession_asTheEndpointDoes() {
        // BetterAuthApi.signIn (a server-rendered login form): without the hooks the same user's older session
        // stayed alive in its device cookie, and the new one got none.
        Server.Browser browser = server.new Browser();
        String email = email("api-in");
        String first = browser.signUp(email);
        RequestCookies sent = browser.cookies();
        io.betterauth.jakarta.api.ApiResult<io.betterauth.jakarta.api.SignIn> signedIn = server.endpoints
                .emailPassword().signIn(email, "multi-password-1", true, ClientInfo.UNKNOWN, sent);
        List<String> lines = server.plugins.afterServerCall("/sign-in/email", sent, signedIn.setCookies());
        String second = signedIn.value().token();
        assertThat(lines).contains(expired(TOKEN + "_multi-" + first.toLowerCase()), server.device(second));
        assertThat(manager.find(first)).as("the older session is deleted").isEmpty();
    }

    @Test
    void oneSignedTokenUnderManyDeviceCookieNames_isReadFromTheStoreOnce() {
        // Any name containing _multi- is a device cookie, so one signed token of the caller's own, sent under 64
        // names, asked for 64 store reads per request (Better Auth reads them in one findSessions query).
        Server.Browser browser = server.new Browser();
        String a = browser.signUp(email("dup-a"));
        String signed = io.betterauth.jakarta.core.js.UriComponent.encode(server.cookies.sign(a));
        for (int i = 0; i < 70; i++) {
            browser.jar.put("x_multi-" + i, signed);
        }
        int before = server.reads.get();
        assertThat(browser.deviceTokens()).containsExactly(a);
        assertThat(server.reads.get() - before).as("store reads for list-device-sessions").isEqualTo(1);

        before = server.reads.get();
        browser.call("/sign-out", c -> server.endpoints.sessions().signOut(c));
        assertThat(manager.find(a)).isEmpty();
        assertThat(browser.lastSetCookies).as("every name that carried it is expired").contains(
                expired("x_multi-0"), expired("x_multi-62"));
        assertThat(server.reads.get() - before).as("store reads for sign-out").isLessThanOrEqualTo(3);
    }

    @Test
    void maximumSessions_countsEveryDeviceCookieOfTheRequest_asBetterAuthDoes() {
        // Only 64 are read, but Better Auth counts every _multi- cookie name against maximumSessions.
        Server.Browser browser = new Server(65).new Browser();
        for (int i = 0; i < 70; i++) {
            browser.jar.put("x_multi-" + i, "unsigned");
        }
        browser.signUp(email("count-a"));
        assertThat(browser.lastSetCookies).noneMatch(l -> l.startsWith(TOKEN + "_multi-"));
    }

    @Test
    void statelessSessions_andMultiSession_stopTheStartUp() {
        BetterAuthConfig stateless = BetterAuthConfig.builder().secret(SECRET).baseUrl("http://localhost:3000")
                .database(io.betterauth.jakarta.config.option.DatabaseOptions.Adapter.NONE)
                .plugins(new PluginOptions(Set.of(Plugin.MULTI_SESSION), BearerOptions.DEFAULT, JwtOptions.DEFAULT,
                        AdminOptions.DEFAULT, MultiSessionOptions.DEFAULT))
                .build();
        SessionManager statelessManager = new SessionManager(stateless, new InMemorySessionStore(),
                new InMemoryUserStore(), new SessionCookies(stateless), new IdGenerator(), Clock.systemUTC());
        assertThatThrownBy(() -> Plugins.of(stateless, statelessManager, null))
                .isInstanceOf(io.betterauth.jakarta.config.ConfigurationException.class)
                .hasMessageContaining("better-auth.database=none");
    }

    @Test
    void signOutNames_areLowerCased_withTheSecurePrefixRestored_asBetterAuthWritesThem() {
        assertThat(DeviceCookies.signOutName("MyApp.session_token_multi-abc"))
                .isEqualTo("myapp.session_token_multi-abc");
        assertThat(DeviceCookies.signOutName("__Secure-better-auth.session_token_multi-abc"))
                .isEqualTo("__Secure-better-auth.session_token_multi-abc");
        assertThat(DeviceCookies.signOutName("__Host-better-auth.session_token_multi-abc"))
                .isEqualTo("__Host-better-auth.session_token_multi-abc");
    }
}
