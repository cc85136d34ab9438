package io.betterauth.jakarta.core;

import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The session lifecycle as Better Auth 1.7.25 runs it: creating a session and its cookies, resolving the request's
 * session ({@code /get-session}, spec §4.1: expiry, sliding refresh after {@code updateAge}, don't-remember
 * sessions, deferred refresh) and signing out. Plain Java: the clock and the stores are passed in.
 */
public final class SessionManager {

    /** Better Auth's fixed lifetime for a "don't remember me" session. */
    static final long DONT_REMEMBER_SECONDS = 60L * 60 * 24;
    private static final Logger LOG = System.getLogger(SessionManager.class.getName());

    private final BetterAuthConfig config;
    private final SessionStore sessions;
    private final UserStore users;
    private final SessionCookies cookies;
    private final IdGenerator ids;
    private final Clock clock;

    public SessionManager(BetterAuthConfig config, SessionStore sessions, UserStore users, SessionCookies cookies,
                          IdGenerator ids, Clock clock) {
        this.config = config;
        this.sessions = sessions;
        this.users = users;
        this.cookies = cookies;
        this.ids = ids;
        this.clock = clock;
    }

    public SessionCookies cookies() {
        return cookies;
    }

    /** The current time at JavaScript's millisecond precision, so stored and returned dates agree. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code createSession}: a new row with a fresh token; 24 h for a don't-remember session, else {@code expiresIn}. */
    public Session create(User user, boolean dontRemember, ClientInfo client) {
        Instant now = now();
        long lifetime = dontRemember ? DONT_REMEMBER_SECONDS : config.session().expiresIn();
        Session session = new Session(ids.generate(), ids.generate(), user.id(), now.plusSeconds(lifetime), now, now,
                client.ipAddress(), client.userAgent());
        sessions.create(session);
        return session;
    }

    /**
     * {@code setSessionCookie}: the signed token cookie, the {@code dont_remember} cookie for such sessions, and
     * the expiry of a stale {@code dont_remember} the request still carries.
     */
    public List<String> sessionCookies(Session session, boolean dontRemember, RequestCookies request) {
        List<String> lines = new ArrayList<>(2);
        lines.add(cookies.sessionToken(session.token(), dontRemember));
        if (dontRemember) {
            lines.add(cookies.dontRememberCookie());
        } else if (cookies.dontRemember(request)) {
            lines.add(cookies.expire(cookies.dontRememberName()));
        }
        return lines;
    }

    /** Resolves the request's session exactly as {@code GET|POST /get-session} does. */
    public SessionLookup resolve(RequestCookies request, GetSessionOptions options) {
        boolean defer = config.session().deferSessionRefresh();
        if (options.post() && !defer) {
            throw new AuthException(ErrorCode.METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED);
        }
        List<String> setCookies = new ArrayList<>();
        // Without a cookie cache configured, leftover cache cookies are expired (Better Auth 1.7.25).
        for (String name : cookies.sessionDataCookies(request)) {
            setCookies.add(cookies.expire(name));
        }
        Optional<String> token = cookies.sessionToken(request);
        if (token.isEmpty()) {
            return SessionLookup.none(setCookies);
        }
        boolean dontRemember = cookies.dontRemember(request);
        Instant now = now();
        Optional<SessionAndUser> found = sessions.findWithUser(token.get(), users);
        if (found.isEmpty() || found.get().session().expiresAt().isBefore(now)) {
            if (found.isPresent() && (!defer || options.post())) {
                sessions.delete(token.get());
            }
            return SessionLookup.none(cookies.deleteAll(request));
        }
        Session session = found.get().session();
        Optional<User> user = Optional.of(found.get().user());
        if (dontRemember || options.disableRefresh()) {
            return new SessionLookup(found.get(), setCookies, null);
        }
        boolean dueForRefresh = !session.expiresAt()
                .minusSeconds(config.session().expiresIn())
                .plusSeconds(config.session().updateAge())
                .isAfter(now);
        boolean needsRefresh = dueForRefresh && !config.session().disableSessionRefresh();
        if (defer && !options.post()) {
            return new SessionLookup(new SessionAndUser(session, user.get()), setCookies, needsRefresh);
        }
        if (needsRefresh) {
            Optional<Session> updated = sessions.updateExpiry(token.get(),
                    now.plusSeconds(config.session().expiresIn()), now);
            if (updated.isEmpty()) {
                throw new AuthException(ErrorCode.FAILED_TO_GET_SESSION, cookies.deleteAll(request));
            }
            setCookies.addAll(sessionCookies(updated.get(), false, request));
            return new SessionLookup(new SessionAndUser(updated.get(), user.get()), setCookies, null);
        }
        return new SessionLookup(new SessionAndUser(session, user.get()), setCookies, null);
    }

    /** {@code /sign-out}: deletes the presented session (if any) and expires every session cookie. */
    public List<String> signOut(RequestCookies request) {
        Optional<String> token = cookies.sessionToken(request);
        try {
            token.ifPresent(sessions::delete);
        } catch (RuntimeException e) {
            // As Better Auth: the failure is logged and the client is still signed out locally.
            LOG.log(Level.ERROR, "Could not delete the session on sign-out", e);
        }
        return cookies.deleteAll(request);
    }
}
