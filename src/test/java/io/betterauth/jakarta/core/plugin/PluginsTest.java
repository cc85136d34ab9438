package io.betterauth.jakarta.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.plugin.PluginOptions;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.config.plugin.BearerOptions;
import io.betterauth.jakarta.config.plugin.JwtOptions;
import io.betterauth.jakarta.config.plugin.MultiSessionOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The bearer plugin through {@link Plugins}, as every reader of a request and every response see it, with the real
 * plugin's observed behaviour ({@code docs/design/plugins-probe/wire.out}, {@code wire2.out}).
 */
class PluginsTest {

    static final String SECRET = "plan-probe-secret-0123456789abcdef0123";
    static final String TOKEN = "vv9k9NJAA28wvMfBZ0pABZ4dmISEzW8w";
    static final String SIGNED = TOKEN + ".Zqjhk8TmE3NEoegWsxBcn6wkzPSQOHgEM0N9jiEOeF4=";
    static final String SIGN_IN_LINE = "better-auth.session_token=" + SIGNED.replace("=", "%3D")
            + "; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax";

    static BetterAuthConfig config(boolean bearer, boolean requireSignature) {
        return BetterAuthConfig.builder().secret(SECRET).baseUrl("http://localhost:3000")
                .plugins(new PluginOptions(bearer ? Set.of(Plugin.BEARER) : Set.of(),
                        new BearerOptions(requireSignature), JwtOptions.DEFAULT, AdminOptions.DEFAULT,
                        MultiSessionOptions.DEFAULT))
                .build();
    }

    static Plugins plugins(boolean bearer) {
        return of(config(bearer, false));
    }

    /** The plugins over in-memory stores. */
    static Plugins of(BetterAuthConfig c) {
        io.betterauth.jakarta.core.session.SessionManager manager = new io.betterauth.jakarta.core.session.SessionManager(
                c, new io.betterauth.jakarta.store.memory.InMemorySessionStore(),
                new io.betterauth.jakarta.store.memory.InMemoryUserStore(), new SessionCookies(c),
                new io.betterauth.jakarta.core.session.IdGenerator(), java.time.Clock.systemUTC());
        return Plugins.of(c, manager, new io.betterauth.jakarta.core.endpoint.SessionGuard(c, manager,
                new io.betterauth.jakarta.store.memory.InMemorySessionStore()));
    }

    static Function<String, String> headers(Map<String, String> h) {
        return name -> h.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    static String sessionToken(Plugins plugins, String cookieHeader, String authorization) {
        BetterAuthConfig c = config(true, false);
        RequestCookies seen = plugins.cookies(RequestCookies.parse(cookieHeader),
                headers(authorization == null ? Map.of() : Map.of("authorization", authorization)));
        return new SessionCookies(c).sessionToken(seen).orElse(null);
    }

    @Test
    void aValidBearer_winsOverTheCookie_andAnInvalidOneLeavesTheCookie() {
        Plugins bearer = plugins(true);
        String garbageCookie = "better-auth.session_token=garbage.x";
        String otherCookie = "better-auth.session_token=" + new io.betterauth.jakarta.core.cookie.SignedCookie(SECRET)
                .sign("the-cookies-own-token");
        assertThat(sessionToken(bearer, garbageCookie, "Bearer " + SIGNED)).isEqualTo(TOKEN);
        assertThat(sessionToken(bearer, otherCookie, "Bearer " + SIGNED)).isEqualTo(TOKEN);
        assertThat(sessionToken(bearer, otherCookie, "Bearer " + TOKEN + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))
                .isEqualTo("the-cookies-own-token");
        assertThat(sessionToken(bearer, null, "Bearer a.b.c")).isNull();
        assertThat(sessionToken(bearer, null, "Bearer " + TOKEN)).as("a raw token, signed by the plugin")
                .isEqualTo(TOKEN);
    }

    @Test
    void withoutThePlugin_anAuthorizationHeaderIsNoSession() {
        assertThat(sessionToken(plugins(false), null, "Bearer " + SIGNED)).isNull();
        assertThat(sessionToken(Plugins.none(), null, "Bearer " + SIGNED)).isNull();
    }

    @Test
    void requireSignature_refusesARawToken_butTakesASignedOne() {
        Plugins strict = of(config(true, true));
        assertThat(sessionToken(strict, null, "Bearer " + TOKEN)).isNull();
        assertThat(sessionToken(strict, null, "Bearer " + SIGNED)).isEqualTo(TOKEN);
    }

    static final Exchange SIGN_IN = Exchange.endpoint("/sign-in/email", RequestCookies::empty);

    static java.util.Map<String, String> after(Plugins plugins, List<String> lines, Map<String, String> headers) {
        return plugins.respond(SIGN_IN, new AuthResult(200, "{}", lines, headers)).headers();
    }

    @Test
    void aResponseSettingALiveSessionCookie_carriesSetAuthToken_decoded_andExposesIt() {
        AuthResult signIn = plugins(true).respond(SIGN_IN, AuthResult.ok("{}", List.of(SIGN_IN_LINE)));
        assertThat(signIn.headers()).containsExactly(Map.entry("set-auth-token", SIGNED),
                Map.entry("Access-Control-Expose-Headers", "set-auth-token"));
        assertThat(after(plugins(true), List.of(SIGN_IN_LINE),
                Map.of("Access-Control-Expose-Headers", "X-Request-Id,  set-auth-token ,")))
                .containsEntry("Access-Control-Expose-Headers", "X-Request-Id, set-auth-token");
        assertThat(plugins(true).respond(Exchange.application(), AuthResult.ok("", List.of(SIGN_IN_LINE))).headers())
                .as("the mechanism's refresh too").containsEntry("set-auth-token", SIGNED);
    }

    @Test
    void deletionsAndOtherCookies_addNoHeader() {
        Plugins bearer = plugins(true);
        assertThat(after(bearer, List.of(
                "better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.session_data=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax"), Map.of())).isEmpty();
        assertThat(after(bearer, List.of("better-auth.session_data=abc; Max-Age=300; Path=/"), Map.of())).isEmpty();
        assertThat(after(bearer, List.of(SIGN_IN_LINE, "better-auth.session_token=; Max-Age=0; Path=/"), Map.of()))
                .as("the last line of a name wins").isEmpty();
        assertThat(after(plugins(false), List.of(SIGN_IN_LINE), Map.of())).isEmpty();
    }
}
