package io.betterauth.jakarta.core.plugin;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.config.plugin.PluginOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.SessionGuard;
import io.betterauth.jakarta.core.plugin.admin.AdminPlugin;
import io.betterauth.jakarta.core.plugin.admin.BanVeto;
import io.betterauth.jakarta.core.plugin.bearer.BearerPlugin;
import io.betterauth.jakarta.core.plugin.jwt.JwtEndpoints;
import io.betterauth.jakarta.core.plugin.jwt.JwtPlugin;
import io.betterauth.jakarta.core.plugin.jwt.KeyRing;
import io.betterauth.jakarta.core.plugin.multisession.MultiSessionEndpoints;
import io.betterauth.jakarta.core.plugin.multisession.MultiSessionPlugin;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.spi.JwksStore;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The plugins switched on ({@code better-auth.plugins}), in {@link Plugin}'s order: their before-hooks give the
 * cookies every reader of the request sees (endpoints, mechanism, server-side API: one place), and their after-hooks
 * every answer (endpoints, and the cookies the mechanism writes).
 */
public final class Plugins {

    /** The CORS header that lets a browser's script read the plugins' headers. */
    public static final String EXPOSE_HEADERS = ExposedHeader.EXPOSE_HEADERS;

    private final List<RequestHook> before;
    private final List<ResponseHook> after;
    private final MultiSessionEndpoints multiSession;
    private final JwtEndpoints jwt;
    private final AdminPlugin admin;

    private Plugins(List<RequestHook> before, List<ResponseHook> after, MultiSessionEndpoints multiSession,
                    JwtEndpoints jwt, AdminPlugin admin) {
        this.before = List.copyOf(before);
        this.after = List.copyOf(after);
        this.multiSession = multiSession;
        this.jwt = jwt;
        this.admin = admin;
    }

    /** No plugin. */
    public static Plugins none() {
        return new Plugins(List.of(), List.of(), null, null, null);
    }

    /** {@link #of(BetterAuthConfig, SessionManager, SessionGuard, JwksStore, Clock)} without a key store. */
    public static Plugins of(BetterAuthConfig config, SessionManager sessions, SessionGuard guard) {
        return of(config, sessions, guard, null, Clock.systemUTC());
    }

    /**
     * The configuration's plugins over the sessions they read and write, the endpoints' session guard and, for the
     * {@code jwt} plugin, the store of its keys.
     *
     * @throws IllegalStateException when the {@code jwt} plugin is on and there is no key store
     */
    public static Plugins of(BetterAuthConfig config, SessionManager sessions, SessionGuard guard, JwksStore jwks,
                             Clock clock) {
        return of(config, sessions, guard, jwks, clock, (Stores) null);
    }

    /**
     * The stores the {@code admin} plugin acts on besides the sessions: the user table (its columns), the session
     * store (told of user changes) and what the user table's columns hold.
     */
    public record Stores(UserStore users, SessionStore sessions, ColumnLimits limits) {
    }

    /**
     * The configuration's plugins over the sessions they read and write, the endpoints' session guard, for the
     * {@code jwt} plugin the store of its keys, and for the {@code admin} plugin the other stores.
     *
     * @throws IllegalStateException when the {@code jwt} plugin is on and there is no key store, or the
     *                               {@code admin} plugin and no stores
     */
    public static Plugins of(BetterAuthConfig config, SessionManager sessions, SessionGuard guard, JwksStore jwks,
                             Clock clock, Stores stores) {
        return of(config, sessions, guard, jwks, clock, stores, null);
    }

    /**
     * Like {@link #of(BetterAuthConfig, SessionManager, SessionGuard, JwksStore, Clock, Stores)}, the {@code jwt}
     * plugin signing with {@code jwtKeys} when given (the ring the session-cache JWT shares), else a ring over
     * {@code jwks}.
     */
    public static Plugins of(BetterAuthConfig config, SessionManager sessions, SessionGuard guard, JwksStore jwks,
                             Clock clock, Stores stores, KeyRing jwtKeys) {
        PluginOptions options = config.plugins();
        List<RequestHook> before = new ArrayList<>();
        List<ResponseHook> after = new ArrayList<>();
        if (options.on(Plugin.BEARER)) {
            BearerPlugin bearer = new BearerPlugin(options.bearer(), sessions.cookies());
            before.add(bearer);
            after.add(bearer);
        }
        JwtEndpoints jwt = null;
        if (options.on(Plugin.JWT)) {
            if (jwks == null && jwtKeys == null) {
                throw new IllegalStateException("The jwt plugin needs a JwksStore");
            }
            jwt = jwtKeys != null ? new JwtEndpoints(config, guard, jwtKeys, clock)
                    : new JwtEndpoints(config, guard, jwks, clock);
            after.add(new JwtPlugin(jwt, options.jwt().disableSettingJwtHeader()));
        }
        AdminPlugin admin = null;
        if (options.on(Plugin.ADMIN)) {
            requireStore(config, "admin");
            if (stores == null) {
                throw new IllegalStateException("The admin plugin needs the user and session stores");
            }
            admin = new AdminPlugin(config, sessions, guard, stores.users(), stores.sessions(), stores.limits());
        }
        MultiSessionEndpoints multiSession = null;
        if (options.on(Plugin.MULTI_SESSION)) {
            requireStore(config, "multi-session");
            after.add(new MultiSessionPlugin(options.multiSession(), sessions));
            multiSession = new MultiSessionEndpoints(config, sessions, guard, new OriginCheck(config));
        }
        return new Plugins(before, after, multiSession, jwt, admin);
    }

    /** Better Auth's plugin reads and deletes sessions (and users) by key: there is no store to do it in. */
    private static void requireStore(BetterAuthConfig config, String plugin) {
        if (config.stateless()) {
            throw new ConfigurationException("The " + plugin + " plugin needs a session store: it cannot run "
                    + "with better-auth.database=none (stateless sessions).");
        }
    }

    /**
     * The app's listeners behind the database hooks of the plugins switched on, which run first as Better Auth runs a
     * plugin's {@code databaseHooks} before the app's: with {@code admin}, the ban rule on every new session
     * ({@link BanVeto}). Give the result to the {@link SessionManager}.
     *
     * @param app the app's listeners ({@link AuthEvents#NONE} when there are none)
     */
    public static AuthEvents databaseHooks(BetterAuthConfig config, UserStore users, SessionStore sessions, Clock clock,
                                           AuthEvents app) {
        AuthEvents events = app;
        if (config.plugins().on(Plugin.ADMIN)) {
            events = new BanVeto(config.plugins().admin(), users, sessions, clock, events);
        }
        return events;
    }

    /** The admin plugin's endpoints, when it is on. */
    public Optional<AdminPlugin> admin() {
        return Optional.ofNullable(admin);
    }

    /** The jwt plugin's endpoints, when it is on. */
    public Optional<JwtEndpoints> jwt() {
        return Optional.ofNullable(jwt);
    }

    /** The multi-session plugin's endpoints, when it is on. */
    public Optional<MultiSessionEndpoints> multiSession() {
        return Optional.ofNullable(multiSession);
    }

    /**
     * The cookies of a request as every reader sees them: those sent, then each before-hook.
     *
     * @param sent   the request's {@code Cookie} headers, parsed
     * @param header the request's headers by name (case-insensitive; null when absent)
     */
    public RequestCookies cookies(RequestCookies sent, Function<String, String> header) {
        RequestCookies cookies = sent;
        for (RequestHook hook : before) {
            cookies = hook.cookies(cookies, header);
        }
        return cookies;
    }

    /**
     * The cookies of a call of the server-side API ({@code BetterAuthApi.signIn}, {@code signUp},
     * {@code createSession}, {@code signOut}, and so {@code request.logout()}) after the after-hooks of the endpoint
     * it stands for, as Better Auth runs a plugin's hooks for {@code auth.api.*({headers})} too: with multi-session, a
     * new session gets its device cookie (the same user's older one replaced), and a sign-out signs every account of
     * the browser out, as on the endpoints.
     *
     * @param path       the endpoint's path below the base path ({@code /sign-in/email}, {@code /sign-out})
     * @param cookies    the request's cookies, as every reader sees them
     * @param setCookies the call's own cookies
     */
    public List<String> afterServerCall(String path, RequestCookies cookies, List<String> setCookies) {
        return respond(Exchange.endpoint(path, () -> cookies), new AuthResult(200, "", setCookies, Map.of()))
                .setCookies();
    }

    /** An answer after every after-hook, in order. */
    public AuthResult respond(Exchange exchange, AuthResult result) {
        AuthResult answer = result;
        for (ResponseHook hook : after) {
            answer = hook.after(exchange, answer);
        }
        return answer;
    }
}
