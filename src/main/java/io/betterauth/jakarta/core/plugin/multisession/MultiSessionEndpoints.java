package io.betterauth.jakarta.core.plugin.multisession;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.endpoint.SessionGuard;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.core.session.SessionManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The multi-session plugin's endpoints under the base path: {@code GET /multi-session/list-device-sessions},
 * {@code POST /multi-session/set-active} and {@code POST /multi-session/revoke}, each acting only on the session of a
 * validly signed device cookie the request carries (the body's {@code sessionToken} only names the cookie).
 */
public final class MultiSessionEndpoints {

    private final BetterAuthConfig config;
    private final SessionManager sessions;
    private final SessionGuard guard;
    private final OriginCheck origins;
    private final DeviceCookies devices;

    public MultiSessionEndpoints(BetterAuthConfig config, SessionManager sessions, SessionGuard guard,
                                 OriginCheck origins) {
        this.config = config;
        this.sessions = sessions;
        this.guard = guard;
        this.origins = origins;
        this.devices = new DeviceCookies(sessions.cookies());
    }

    /**
     * {@code GET /multi-session/list-device-sessions}: {@code [{session, user}]} of the request's device cookies whose
     * sessions are live, the first per user, in the order the cookies were sent; {@code []} without any. Needs no
     * session of its own.
     */
    public AuthResult listDeviceSessions(Caller caller) {
        Set<String> users = new HashSet<>();
        List<Object> out = new ArrayList<>();
        for (String token : devices.tokens(caller.cookies())) {
            live(token).filter(s -> users.add(s.user().id())).ifPresent(s -> out.add(config.output(s).toJson()));
        }
        return AuthResult.ok(JsJson.stringify(out), List.of());
    }

    /**
     * {@code POST /multi-session/set-active} with {@code {"sessionToken"}}: that device cookie's session becomes the
     * browser's active one ({@code session_token} and the rest of Better Auth's {@code setSessionCookie}); answers
     * {@code {session, user}}. No such signed cookie: 401 {@code INVALID_SESSION_TOKEN}; its session gone or expired
     * (ours: or past {@code absolute-expires-in}): the same, with the cookie expired.
     */
    public AuthResult setActive(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String sessionToken = body.requiredString("sessionToken");
        body.validate();
        String name = devices.name(sessionToken);
        String token = devices.token(caller.cookies(), name)
                .orElseThrow(() -> new AuthException(ErrorCode.INVALID_SESSION_TOKEN));
        Optional<SessionAndUser> found = sessions.find(token);
        Instant now = sessions.now();
        // Ours: past absolute-expires-in it is gone too, as get-session ends it (a Node-written row is not capped).
        if (found.isEmpty() || found.get().session().expiresAt().isBefore(now)
                || sessions.absolutelyExpired(found.get().session(), now)) {
            throw new AuthException(ErrorCode.INVALID_SESSION_TOKEN, List.of(devices.expire(name)));
        }
        return AuthResult.ok(JsJson.stringify(config.output(found.get()).toJson()),
                activate(found.get(), caller.cookies()));
    }

    /**
     * {@code POST /multi-session/revoke} with {@code {"sessionToken"}} (a session required: 401 otherwise): deletes
     * that device cookie's session and expires the cookie; when it was the active session, the first other device
     * session still live becomes active, or every session cookie is cleared. Answers {@code {"status":true}}.
     */
    public AuthResult revoke(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String sessionToken = body.requiredString("sessionToken");
        body.validate();
        RequestCookies cookies = caller.cookies();
        ApiResult<SessionAndUser> auth = guard.requireSession(cookies, GetSessionOptions.DEFAULT, false);
        String name = devices.name(sessionToken);
        String token = devices.token(cookies, name)
                .orElseThrow(() -> new AuthException(ErrorCode.INVALID_SESSION_TOKEN, auth.setCookies()));
        sessions.find(token).ifPresent(s -> sessions.delete(s.session(), "multi-session-revoke"));
        List<String> lines = new ArrayList<>(auth.setCookies());
        lines.add(devices.expire(name));
        if (auth.value().session().token().equals(token)) {
            Optional<SessionAndUser> next = devices.tokens(cookies).stream()
                    .map(this::live).flatMap(Optional::stream).findFirst();
            lines.addAll(next.isPresent() ? activate(next.get(), cookies) : sessions.cookies().deleteAll(cookies));
        }
        return AuthResult.ok(JsJson.stringify(Map.of("status", true)), lines);
    }

    /** Better Auth's {@code setSessionCookie} for this session, keeping the browser's don't-remember choice. */
    private List<String> activate(SessionAndUser session, RequestCookies cookies) {
        return sessions.sessionCookies(session, sessions.cookies().dontRemember(cookies), cookies);
    }

    /** The stored session of this token while it is live. */
    private Optional<SessionAndUser> live(String token) {
        Instant now = sessions.now();
        return sessions.find(token).filter(s -> s.session().expiresAt().isAfter(now)
                && !sessions.absolutelyExpired(s.session(), now));
    }
}
