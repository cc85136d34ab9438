package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.SessionInfo;
import io.betterauth.jakarta.api.event.SessionUpdating;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.core.cookie.ClearSiteData;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.ResponseCookies;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.ConstantTime;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.SessionLookup;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.SessionCustomizer;
import io.betterauth.jakarta.spi.SessionStore;
import jakarta.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Better Auth's session endpoints (spec §4.1–4.7): {@code get-session}, {@code sign-out}, {@code list-sessions},
 * {@code revoke-session}, {@code revoke-other-sessions}, {@code revoke-sessions} and {@code update-session}. Each
 * comes twice: as Better Auth's {@code auth.api} call (Java arguments, a typed {@link ApiResult}; what the
 * injectable {@code BetterAuthApi} runs) and as the HTTP endpoint (the request body and the {@link Caller}, the
 * origin check, Better Auth's JSON body, cookies and headers as an {@link AuthResult}).
 */
public final class SessionEndpoints {

    /** Better Auth sets these on every get-session answer: null, session and error alike. */
    private static final Map<String, String> GET_SESSION_HEADERS = noStoreNoCache();
    private static final String STATUS_TRUE = "{\"status\":true}";
    private static final String SUCCESS_TRUE = "{\"success\":true}";

    /**
     * The app's {@link SessionCustomizer} (Better Auth's {@code customSession}), reached through whoever owns its
     * lifetime (a {@code @Dependent} CDI bean lives for one call); get-session and list-sessions call it only when
     * {@link #present()}.
     */
    public interface Customizer {

        Customizer NONE = new Customizer() {
            @Override
            public boolean present() {
                return false;
            }

            @Override
            public <T> T apply(Function<SessionCustomizer, T> call) {
                throw new IllegalStateException("No SessionCustomizer");
            }
        };

        boolean present();

        <T> T apply(Function<SessionCustomizer, T> call);
    }

    private final BetterAuthConfig config;
    private final SessionManager manager;
    private final SessionStore sessions;
    private final SessionGuard guard;
    private final OriginCheck origins;
    private final ColumnLimits limits;

    public SessionEndpoints(BetterAuthConfig config, SessionManager manager, SessionStore sessions, SessionGuard guard,
                            OriginCheck origins, ColumnLimits limits) {
        this.config = config;
        this.manager = manager;
        this.sessions = sessions;
        this.guard = guard;
        this.origins = origins;
        this.limits = limits;
    }

    /**
     * {@code GET|POST /get-session}: {@code null} or {@code {session, user[, needsRefresh]}} (the customizer's
     * answer instead, when there is one and a session), always with {@code Cache-Control: no-store} and
     * {@code Pragma: no-cache}. A POST passes the origin check first.
     */
    public AuthResult getSession(Caller caller, GetSessionOptions options, Customizer customizer) {
        AuthResult result;
        try {
            if (options.post()) {
                caller.checkOrigin(origins);
            }
            SessionLookup lookup = manager.resolve(caller.cookies(), options);
            String body = lookup.toJson(config::output);
            if (lookup.current() != null && customizer.present()) {
                // Better Auth's customSession: the bean's answer is the body, whatever its shape.
                SessionAndUser visible = config.output(lookup.current());
                body = JsJson.stringify(customizer.apply(c -> c.customize(visible)));
            }
            result = AuthResult.ok(body, lookup.setCookies())
                    .withSession(lookup.current() == null ? null : config.output(lookup.current()));
        } catch (AuthException e) {
            result = AuthResult.of(e);
        }
        return result.withHeaders(GET_SESSION_HEADERS);
    }

    /** {@code signOut}: deletes the caller's session, if any, and clears every session cookie. */
    public ApiResult<Boolean> signOut(RequestCookies cookies) {
        return new ApiResult<>(true, manager.signOut(cookies));
    }

    /** {@code POST /sign-out}: {@code {"success":true}}, whether there was a session or not. */
    public AuthResult signOut(Caller caller) {
        caller.checkOrigin(origins);
        return sessionsEnded(config, SUCCESS_TRUE, signOut(caller.cookies()).setCookies());
    }

    /** {@code listSessions}: the caller's live sessions (fresh session required). */
    public ApiResult<List<Session>> listSessions(RequestCookies cookies, GetSessionOptions query) {
        guard.requireStore();
        ApiResult<SessionAndUser> auth = guard.requireSession(cookies, query, false);
        guard.requireFresh(auth.value());
        boolean admin = config.plugins().on(Plugin.ADMIN);
        List<Session> live = guard.liveSessions(auth.value().user().id()).stream()
                .filter(s -> !admin || !impersonation(s))
                .map(s -> config.session().hashTokens() ? withoutToken(s) : s)
                .toList();
        return new ApiResult<>(live, auth.setCookies());
    }

    /**
     * The admin plugin's {@code /list-sessions} after-hook ({@code dist/plugins/admin/admin.mjs}): a session an admin
     * opened by impersonating the user ({@code impersonatedBy} set) is not among the user's own devices; the admin
     * sees it in {@code /admin/list-user-sessions}. Applied to the server-side API's listing too, as Better Auth's
     * hooks run for {@code auth.api.listSessions}.
     */
    private static boolean impersonation(Session s) {
        return s.additional().get("impersonatedBy") instanceof String by && !by.isEmpty();
    }

    /** {@code GET /list-sessions}: the sessions as Better Auth lists them, or as the customizer's entries. */
    public AuthResult listSessions(Caller caller, GetSessionOptions query, Customizer customizer) {
        ApiResult<List<Session>> result = listSessions(caller.cookies(), query);
        List<Session> visible = result.value().stream().map(config::output).toList();
        List<Object> out = customizer.present()
                ? customizer.apply(c -> visible.stream()
                        .map(v -> c.customizesListSessions() ? c.customizeListEntry(v) : v.toJson()).toList())
                : visible.stream().<Object>map(Session::toJson).toList();
        return AuthResult.ok(JsJson.stringify(out), result.setCookies());
    }

    /**
     * {@code revokeSession}: deletes the session with this token only when it belongs to the caller; the answer is
     * the same either way, so it reveals nothing about other users' tokens.
     */
    public ApiResult<Boolean> revokeSession(RequestCookies cookies, String token) {
        guard.requireStore();
        ApiResult<SessionAndUser> auth = guard.requireRevoker(cookies);
        List<String> setCookies = new ArrayList<>(auth.setCookies());
        // A token no column can hold is nobody's: not looked up (PostgreSQL refuses NUL even in a query).
        Optional<Session> target = ColumnLimits.storable(token) ? sessions.findByToken(token) : Optional.empty();
        if (target.isEmpty() && config.session().hashTokens()) {
            // list-sessions showed the id in place of the (unknowable) token: accept it among the caller's own.
            target = sessions.listByUser(auth.value().user().id()).stream()
                    .filter(s -> ConstantTime.equal(s.id(), token))
                    .findFirst();
        }
        if (target.isPresent() && target.get().userId().equals(auth.value().user().id())) {
            manager.delete(target.get(), "revoke-session");
            if (target.get().id().equals(auth.value().session().id())) {
                setCookies = new ArrayList<>(manager.cookies().deleteAll(cookies));
            }
        }
        return new ApiResult<>(true, setCookies);
    }

    /** {@code POST /revoke-session} with {@code {"token"}}: {@code {"status":true}}. */
    public AuthResult revokeSession(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String token = body.requiredString("token");
        body.validate();
        return status(revokeSession(caller.cookies(), token));
    }

    /** {@code revokeOtherSessions}: every live session of the caller but the current one. */
    public ApiResult<Boolean> revokeOtherSessions(RequestCookies cookies) {
        guard.requireStore();
        ApiResult<SessionAndUser> auth = guard.requireRevoker(cookies);
        Instant now = manager.now();
        String current = auth.value().session().id();
        for (Session s : sessions.listByUser(auth.value().user().id())) {
            // A row with missing columns is still one of the user's other sessions: it goes too.
            if (s.token() != null && !current.equals(s.id()) && (s.expiresAt() == null || s.expiresAt().isAfter(now))) {
                manager.delete(s, "revoke-other-sessions");
            }
        }
        return new ApiResult<>(true, auth.setCookies());
    }

    /** {@code POST /revoke-other-sessions}: {@code {"status":true}}. */
    public AuthResult revokeOtherSessions(Caller caller) {
        caller.checkOrigin(origins);
        return status(revokeOtherSessions(caller.cookies()));
    }

    /** {@code revokeSessions}: every session of the caller, the current one included; cookies cleared. */
    public ApiResult<Boolean> revokeSessions(RequestCookies cookies) {
        guard.requireStore();
        ApiResult<SessionAndUser> auth = guard.requireRevoker(cookies);
        manager.deleteAll(auth.value().user().id(), "revoke-sessions");
        return new ApiResult<>(true, manager.cookies().deleteAll(cookies));
    }

    /** {@code POST /revoke-sessions}: {@code {"status":true}}, the cookies cleared. */
    public AuthResult revokeSessions(Caller caller) {
        caller.checkOrigin(origins);
        return sessionsEnded(config, STATUS_TRUE, revokeSessions(caller.cookies()).setCookies());
    }

    /**
     * {@code updateSession}: only declared additional session fields may change; core fields are ignored, and with
     * nothing left Better Auth answers 400 {@code {"message":"No fields to update"}}.
     */
    public ApiResult<Session> updateSession(RequestCookies cookies, Map<String, Object> fields) {
        // A store read (the answer re-issues the cache): see AccountEndpoints.updateUser.
        ApiResult<SessionAndUser> auth = guard.requireLiveSession(cookies);
        Map<String, Object> changes = config.session().additionalFields().forUpdate(Json.createObjectBuilder(fields).build());
        if (changes.isEmpty()) {
            throw noFieldsToUpdate(auth.setCookies());
        }
        limits.checkAdditional(changes);
        Session current = auth.value().session();
        Instant now = manager.now();
        SessionUpdating updating = new SessionUpdating(SessionInfo.of(current), changes);
        manager.events().beforeSessionUpdate(updating);
        changes = updating.changes();
        Optional<Session> updated = sessions.updateAdditional(current.token(), changes, now);
        updated.ifPresent(u -> manager.events().after(
                new SessionEvent(SessionEvent.Kind.UPDATED, "update-session", SessionInfo.of(u))));
        if (updated.isEmpty()) {
            if (!config.stateless()) {
                throw new AuthException(ErrorCode.FAILED_TO_GET_SESSION, manager.cookies().deleteAll(cookies));
            }
            // Stateless: the cookie is the session; the update lives in the re-issued cache.
            updated = Optional.of(current.withAdditional(changes, now));
        }
        SessionAndUser next = new SessionAndUser(updated.get(), auth.value().user());
        return new ApiResult<>(updated.get(),
                manager.sessionCookies(next, manager.cookies().dontRemember(cookies), cookies));
    }

    /** {@code POST /update-session}: {@code {"session": …}} as the client may see it. */
    public AuthResult updateSession(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        ApiResult<Session> result = updateSession(caller.cookies(), new LinkedHashMap<String, Object>(body.json()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session", config.output(result.value()).toJson());
        return AuthResult.ok(JsJson.stringify(out), result.setCookies());
    }

    /** 400 {@code {"message":"No fields to update"}}, as Better Auth answers update-session and update-user. */
    static AuthException noFieldsToUpdate(List<String> setCookies) {
        return new AuthException(400, null, "No fields to update", setCookies);
    }

    /** The answer of an endpoint that ends the caller's session(s): with {@code Clear-Site-Data} when configured. */
    static AuthResult sessionsEnded(BetterAuthConfig config, String json, List<String> setCookies) {
        return new AuthResult(200, json, setCookies, ClearSiteData.headers(config));
    }

    static AuthResult status(ApiResult<Boolean> result) {
        return AuthResult.ok(STATUS_TRUE, result.setCookies());
    }

    private static Map<String, String> noStoreNoCache() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ResponseCookies.CACHE_CONTROL, ResponseCookies.NO_STORE);
        headers.put("Pragma", "no-cache");
        return Collections.unmodifiableMap(headers);
    }

    /**
     * With {@code better-auth.session.hash-tokens} the store has no usable token to show: list-sessions puts the
     * session id in its place, which revoke-session accepts (so the official client's revoke still works).
     */
    private static Session withoutToken(Session s) {
        return new Session(s.id(), s.id(), s.userId(), s.expiresAt(), s.createdAt(), s.updatedAt(), s.ipAddress(),
                s.userAgent(), s.additional());
    }
}
