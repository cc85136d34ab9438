package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.SessionInfo;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.session.SessionLookup;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Better Auth's endpoint middlewares, shared by the endpoint groups: {@code sessionMiddleware} (a session or 401),
 * {@code sensitiveSessionMiddleware} (the same, read from the store, never a cached copy),
 * {@code freshSessionMiddleware} (403 {@code SESSION_NOT_FRESH} past {@code freshAge}), and ours: the revoke
 * endpoints' optional freshness and the refusal of store-only endpoints in stateless mode.
 */
public final class SessionGuard {

    private final BetterAuthConfig config;
    private final SessionManager manager;
    private final SessionStore sessions;

    public SessionGuard(BetterAuthConfig config, SessionManager manager, SessionStore sessions) {
        this.config = config;
        this.manager = manager;
        this.sessions = sessions;
    }

    /**
     * Better Auth's {@code sessionMiddleware}: the caller's session or 401 {@code UNAUTHORIZED}. The query can only
     * make the lookup stricter; {@code sensitive} forces a store read.
     */
    public ApiResult<SessionAndUser> requireSession(RequestCookies cookies, GetSessionOptions query, boolean sensitive) {
        GetSessionOptions options = new GetSessionOptions(false, query.disableRefresh(),
                query.disableCookieCache() || sensitive);
        SessionLookup lookup;
        try {
            lookup = manager.resolve(cookies, options);
        } catch (AuthException e) {
            throw new AuthException(ErrorCode.UNAUTHORIZED, e.setCookies());
        }
        if (lookup.current() == null) {
            throw new AuthException(ErrorCode.UNAUTHORIZED, lookup.setCookies());
        }
        return new ApiResult<>(lookup.current(), lookup.setCookies());
    }

    /**
     * An error of a handler that ran after a session middleware: with the middleware's {@code Set-Cookie} lines
     * (a store read re-issues the cookie cache) before the error's own, as Better Auth answers: the lines a
     * middleware set stay on the response whatever the handler then throws.
     */
    public static AuthException after(ApiResult<SessionAndUser> auth, AuthException e) {
        if (auth.setCookies().isEmpty()) {
            return e;
        }
        List<String> setCookies = new java.util.ArrayList<>(auth.setCookies());
        setCookies.addAll(e.setCookies());
        AuthException carrying = new AuthException(e.status(), e.code(), e.getMessage(), setCookies, e.headers());
        carrying.initCause(e);
        return carrying;
    }

    /** {@code sensitiveSessionMiddleware}: a session read from the store. */
    public ApiResult<SessionAndUser> requireStoredSession(RequestCookies cookies) {
        return requireSession(cookies, GetSessionOptions.DEFAULT, true);
    }

    /**
     * A session read from the store, except in stateless mode, whose cookie is the record: for endpoints that
     * re-issue the cache, where a cached copy of a revoked session must not mint itself a new one (issue 15, #2;
     * Better Auth reads the cache there).
     */
    public ApiResult<SessionAndUser> requireLiveSession(RequestCookies cookies) {
        return requireSession(cookies, GetSessionOptions.DEFAULT, !config.stateless());
    }

    /** {@code freshSessionMiddleware}: 403 {@code SESSION_NOT_FRESH} once {@code freshAge} has passed since sign-in. */
    public void requireFresh(SessionAndUser current) {
        if (!isFresh(current.session())) {
            freshCheckFailed(current.session());
            throw new AuthException(ErrorCode.SESSION_NOT_FRESH);
        }
    }

    /** Fresh means created less than {@code freshAge} ago (Better Auth ≥ 1.6 measures from {@code createdAt}). */
    public boolean isFresh(Session session) {
        long freshAge = config.session().freshAge();
        return freshAge == 0
                || Duration.between(session.createdAt(), manager.now()).compareTo(Duration.ofSeconds(freshAge)) < 0;
    }

    /** Tells the listeners a freshness check refused the session (the audit log records it). */
    public void freshCheckFailed(Session session) {
        manager.events().after(new SessionEvent(SessionEvent.Kind.FRESH_CHECK_FAILED, "fresh-age",
                SessionInfo.of(session)));
    }

    /**
     * The revoke endpoints: Better Auth's {@code sensitiveSessionMiddleware} (a store read), and with
     * {@code better-auth.session.fresh-revoke} (ours, T-17) a fresh session too.
     */
    public ApiResult<SessionAndUser> requireRevoker(RequestCookies cookies) {
        ApiResult<SessionAndUser> auth = requireStoredSession(cookies);
        if (config.session().freshRevoke()) {
            requireFresh(auth.value());
        }
        return auth;
    }

    /**
     * The user's sessions that count as signed-in devices (list-sessions, the administration's listing): complete
     * rows, unexpired, within the absolute lifetime limit.
     */
    public List<Session> liveSessions(String userId) {
        Instant now = manager.now();
        return storedSessions(userId).stream()
                .filter(s -> s.complete() && s.expiresAt().isAfter(now) && !manager.absolutelyExpired(s, now))
                .toList();
    }

    /** Every session the store lists for the user, live or not; 501 in stateless mode ({@link #requireStore}). */
    public List<Session> storedSessions(String userId) {
        requireStore();
        return sessions.listByUser(userId);
    }

    /**
     * Without a store (stateless mode) a server knows only the caller's own cookie: it cannot list other devices
     * or revoke them, so these endpoints say so instead of pretending.
     */
    public void requireStore() {
        if (config.stateless()) {
            throw new AuthException(501, "STATELESS_SESSIONS", "Listing and revoking devices needs a session store; "
                    + "better-auth.database is none (stateless sessions)", List.of());
        }
    }
}
