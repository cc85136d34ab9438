package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.option.CookieCacheOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.cookie.cache.DecodedCache;
import io.betterauth.jakarta.core.security.AuditLog;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.spi.UserStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import io.betterauth.jakarta.api.event.SessionCreating;
import io.betterauth.jakarta.api.event.SessionDeleting;
import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.SessionInfo;
import io.betterauth.jakarta.api.event.SessionUpdating;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.spi.AuthMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
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
    /** How long a refresh waits for another request's refresh of a session in the same lock stripe. */
    private static final long REFRESH_LOCK_WAIT_SECONDS = 5;
    private static final Logger LOG = System.getLogger(SessionManager.class.getName());

    private final BetterAuthConfig config;
    private final SessionStore sessions;
    private final UserStore users;
    private final SessionCookies cookies;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuthEvents events;
    private final AuthMetrics metrics;
    /** Striped per-session locks that make a sliding refresh single-flight within this JVM. */
    private final StripedLocks refreshLocks = new StripedLocks(64);

    public SessionManager(BetterAuthConfig config, SessionStore sessions, UserStore users, SessionCookies cookies,
                          IdGenerator ids, Clock clock) {
        this(config, sessions, users, cookies, ids, clock, AuthEvents.NONE);
    }

    public SessionManager(BetterAuthConfig config, SessionStore sessions, UserStore users, SessionCookies cookies,
                          IdGenerator ids, Clock clock, AuthEvents events) {
        this(config, sessions, users, cookies, ids, clock, events, AuthMetrics.NONE);
    }

    /** With the operator's counters ({@link CountingEvents} counts the lifecycle events, this the cookie cache). */
    public SessionManager(BetterAuthConfig config, SessionStore sessions, UserStore users, SessionCookies cookies,
                          IdGenerator ids, Clock clock, AuthEvents events, AuthMetrics metrics) {
        this.metrics = metrics;
        this.events = new CountingEvents(new AuditLog(events, config.secretRing().current().value()), metrics);
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

    public AuthEvents events() {
        return events;
    }

    /** {@code createSession} for a sign-in. */
    public Session create(User user, boolean dontRemember, ClientInfo client) {
        return create(user, dontRemember, client, "sign-in");
    }

    /**
     * {@code createSession}: a new row with a fresh token; 24 h for a don't-remember session, else
     * {@code expiresIn}. Before-listeners may change or reject it; {@code reason} says why it is created.
     */
    public Session create(User user, boolean dontRemember, ClientInfo client, String reason) {
        return create(user, dontRemember ? DONT_REMEMBER_SECONDS : config.session().expiresIn(), Map.of(), client,
                reason);
    }

    /**
     * {@code createSession} with {@code override} and {@code overrideAll} (the admin plugin's impersonation): a
     * session lasting {@code lifetime} seconds (an absolute lifetime still caps it), with these additional fields
     * over the configured defaults.
     */
    public Session create(User user, long lifetime, Map<String, Object> additional, ClientInfo client, String reason) {
        Instant now = now();
        Map<String, Object> fields = config.session().additionalFields().defaults();
        if (!additional.isEmpty()) {
            fields = new LinkedHashMap<>(fields);
            fields.putAll(additional);
        }
        Session session = new Session(ids.generate(), ids.generate(), user.id(), capped(now.plusSeconds(lifetime), now),
                now, now, client.ipAddress(), client.userAgent(), fields);
        SessionCreating creating = new SessionCreating(session, reason);
        events.beforeSessionCreate(creating);
        session = creating.proposed();
        sessions.create(session);
        events.after(new SessionEvent(SessionEvent.Kind.CREATED, reason, SessionInfo.of(session)));
        return session;
    }

    /**
     * The stored session of this token with its user, or empty (none, or an unreadable record); expiry is not
     * checked. An outage is a {@code StoreUnavailableException}.
     */
    public Optional<SessionAndUser> find(String token) {
        return ColumnLimits.storable(token) ? ReadableSessions.find(sessions, users, token) : Optional.empty();
    }

    /** Deletes one session with its before/after events; {@code reason} says why (sign-out, revoke-session, …). */
    public void delete(Session session, String reason) {
        events.beforeSessionDelete(new SessionDeleting(SessionInfo.of(session), reason));
        sessions.delete(session.token());
        events.after(new SessionEvent(SessionEvent.Kind.REVOKED, reason, SessionInfo.of(session)));
    }

    /** Deletes every session of the user, with the events of each (a before-listener's rejection deletes none). */
    public void deleteAll(String userId, String reason) {
        List<Session> all = sessions.listByUser(userId);
        for (Session s : all) {
            events.beforeSessionDelete(new SessionDeleting(SessionInfo.of(s), reason));
        }
        sessions.deleteByUser(userId);
        for (Session s : all) {
            events.after(new SessionEvent(SessionEvent.Kind.REVOKED, reason, SessionInfo.of(s)));
        }
    }

    /**
     * {@code setSessionCookie}: the signed token cookie, the {@code dont_remember} cookie for such sessions (or the
     * expiry of a stale one the request still carries), and the cache cookie when the cache is on.
     */
    public List<String> sessionCookies(SessionAndUser current, boolean dontRemember, RequestCookies request) {
        List<String> lines = new ArrayList<>(3);
        lines.add(tokenCookie(current.session(), dontRemember));
        if (dontRemember) {
            lines.add(cookies.dontRememberCookie());
        } else if (cookies.dontRemember(request)) {
            lines.add(cookies.expire(cookies.dontRememberName()));
        }
        lines.addAll(cookies.cacheCookies(current, dontRemember, request, now().toEpochMilli()));
        return lines;
    }

    /** Resolves the request's session exactly as {@code GET|POST /get-session} does (spec §4.1, §3.7, §3.8). */
    public SessionLookup resolve(RequestCookies request, GetSessionOptions options) {
        boolean defer = config.session().deferSessionRefresh();
        if (options.post() && !defer) {
            throw new AuthException(ErrorCode.METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED);
        }
        boolean cacheOn = cookies.cacheEnabled();
        Optional<String> token = cookies.sessionToken(request);
        List<String> setCookies = new ArrayList<>();
        if (token.isEmpty() && cacheOn) {
            return SessionLookup.none(setCookies);
        }
        if (!cacheOn) {
            // Leftover cache cookies are expired when no cache is configured (Better Auth 1.7.25).
            for (String name : cookies.sessionDataCookies(request)) {
                setCookies.add(cookies.expire(name));
            }
        }
        if (token.isEmpty()) {
            return SessionLookup.none(setCookies);
        }
        Instant now = now();
        boolean dontRemember = cookies.dontRemember(request);
        if (cacheOn && !options.disableCookieCache() && !cookies.sessionDataCookies(request).isEmpty()) {
            Optional<DecodedCache> cached = cookies.readCache(request, token.get(), now.toEpochMilli());
            if (cached.isPresent() && !absolutelyExpired(cached.get().data().session(), now)
                    && (cached.get().currentSecret() || config.stateless())) {
                metrics.cookieCacheHit();
                return fromCache(cached.get(), dontRemember, request, options, setCookies);
            }
            if (cached.isEmpty() || absolutelyExpired(cached.get().data().session(), now)) {
                // A cache that fails any check is a miss, never a logout: expire it and read the store.
                setCookies.addAll(cookies.expireCache(request));
            }
            // A cache signed with an older secret of the ring is re-issued from the store read below, never from
            // its own contents: a device revoked before the rotation gets no new window from it (issue 15, #11).
        }
        if (cacheOn && !options.disableCookieCache()) {
            metrics.cookieCacheMiss(); // no cache cookie, or one that could not answer: the store is read
        }
        Optional<SessionAndUser> found = ReadableSessions.find(sessions, users, token.get());
        if (found.isEmpty() || found.get().session().expiresAt().isBefore(now)
                || absolutelyExpired(found.get().session(), now)) {
            if (found.isPresent() && (!defer || options.post())) {
                sessions.delete(token.get());
                events.after(new SessionEvent(SessionEvent.Kind.EXPIRED, "expired", SessionInfo.of(found.get().session())));
            }
            return SessionLookup.none(cookies.deleteAll(request));
        }
        SessionAndUser current = found.get();
        if (dontRemember || options.disableRefresh()) {
            return new SessionLookup(current, setCookies, null);
        }
        Session session = current.session();
        boolean dueForRefresh = !session.expiresAt()
                .minusSeconds(config.session().expiresIn())
                .plusSeconds(config.session().updateAge())
                .isAfter(now);
        Instant refreshedExpiry = capped(now.plusSeconds(config.session().expiresIn()), session.createdAt());
        // Near the absolute limit the expiry cannot move any more: nothing to refresh (and no write).
        boolean canExtend = config.session().absoluteExpiresIn() == 0 || refreshedExpiry.isAfter(session.expiresAt());
        boolean needsRefresh = dueForRefresh && !config.session().disableSessionRefresh() && canExtend;
        if (defer && !options.post()) {
            setCookies.addAll(cookies.cacheCookies(current, false, request, now.toEpochMilli()));
            reissueOldSignature(current, false, request, setCookies);
            return new SessionLookup(current, setCookies, needsRefresh);
        }
        if (needsRefresh) {
            // Still due while expiresAt <= now + expiresIn - updateAge, and only while the slide moves it forward.
            Instant dueUntil = now.plusSeconds(config.session().expiresIn() - config.session().updateAge());
            Instant ifNotAfter = dueUntil.isBefore(refreshedExpiry) ? dueUntil : refreshedExpiry.minusMillis(1);
            Optional<Session> updated = refreshOnce(session, ifNotAfter, refreshedExpiry, now);
            if (updated.isEmpty()) {
                throw new AuthException(ErrorCode.FAILED_TO_GET_SESSION, cookies.deleteAll(request));
            }
            SessionAndUser refreshed = new SessionAndUser(updated.get(), current.user());
            setCookies.addAll(sessionCookies(refreshed, false, request));
            return new SessionLookup(refreshed, setCookies, null);
        }
        setCookies.addAll(cookies.cacheCookies(current, false, request, now.toEpochMilli()));
        reissueOldSignature(current, false, request, setCookies);
        return new SessionLookup(current, setCookies, null);
    }

    /**
     * The sliding refresh, written once however many requests of one session arrive at the boundary together (T-16,
     * better-auth#1372): requests of this JVM queue on the session's lock and re-read the row, so only the first
     * one's update hook runs and writes; the store's conditional write ({@link SessionStore#refreshExpiry}) keeps
     * other instances from writing again. Every caller gets the row as slid. The lock is waited for a bounded time
     * (a store that hangs must not queue requests behind it indefinitely); past that the conditional write alone
     * decides. Empty when the session is gone, or an update hook refused the refresh (Better Auth then signs the
     * device out).
     */
    private Optional<Session> refreshOnce(Session seen, Instant ifNotAfter, Instant refreshedExpiry, Instant now) {
        String token = seen.token();
        java.util.concurrent.locks.Lock lock = refreshLocks.forKey(token);
        boolean locked = false;
        try {
            locked = lock.tryLock(REFRESH_LOCK_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // Read again under the lock: a request that queued behind the first one finds the row already slid.
            Optional<Session> reread = sessions.findByToken(token);
            if (reread.isEmpty()) {
                return reread;
            }
            Session current = reread.get();
            if (current.expiresAt().isAfter(ifNotAfter)) {
                return Optional.of(current); // slid meanwhile: no second write
            }
            try {
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("expiresAt", refreshedExpiry);
                changes.put("updatedAt", now);
                events.beforeSessionUpdate(new SessionUpdating(SessionInfo.of(current), changes));
            } catch (AuthException rejected) {
                return Optional.empty();
            }
            Optional<Session> updated = sessions.refreshExpiry(token, ifNotAfter, refreshedExpiry, now);
            updated.filter(u -> u.expiresAt().equals(refreshedExpiry))
                    .ifPresent(u -> events.after(new SessionEvent(SessionEvent.Kind.REFRESHED, "refresh", SessionInfo.of(u))));
            return updated;
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    /**
     * The cache branch of get-session: the cached session as it is, except that a stateless deployment re-issues
     * the cache and the token cookie once 80 % of the cache's lifetime has passed (without extending the session's
     * own expiry), and a token signed with an older secret is re-issued with the current one. A cache signed with
     * an older secret reaches this branch only in stateless mode, where the cookie is the only record there is;
     * with a store it is re-issued from a store read ({@link #resolve}).
     */
    private SessionLookup fromCache(DecodedCache cached, boolean dontRemember, RequestCookies request,
                                    GetSessionOptions options, List<String> setCookies) {
        SessionAndUser current = cached.data().sessionAndUser();
        long nowMs = now().toEpochMilli();
        CookieCacheOptions cache = config.session().cookieCache();
        boolean refreshDue = cache.refreshCache()
                && cached.expiresAtMs() - nowMs < (long) Math.floor(cache.maxAge() * 0.2) * 1000
                && !options.disableRefresh() && !config.session().disableSessionRefresh();
        if (refreshDue || !cached.currentSecret()) {
            setCookies.addAll(cookies.cacheCookies(current, !refreshDue && dontRemember, request, nowMs));
            setCookies.add(tokenCookie(current.session(), dontRemember));
        } else {
            reissueOldSignature(current, dontRemember, request, setCookies);
        }
        return new SessionLookup(current, setCookies, null);
    }

    /** A token cookie signed with an older secret of the ring is re-sent with the current secret's signature. */
    private void reissueOldSignature(SessionAndUser current, boolean dontRemember, RequestCookies request,
                                     List<String> setCookies) {
        if (!cookies.signedWithCurrentSecret(request)) {
            setCookies.add(tokenCookie(current.session(), dontRemember));
        }
    }

    /**
     * Ours ({@code better-auth.session.absolute-expires-in}, T-14): whether the session is at least that old,
     * measured from {@code createdAt}, so that no activity keeps it alive. Always false when the option is off.
     */
    public boolean absolutelyExpired(Session session, Instant now) {
        long absolute = config.session().absoluteExpiresIn();
        return absolute > 0 && !now.isBefore(session.createdAt().plusSeconds(absolute));
    }

    /** An expiry no later than {@code createdAt + absoluteExpiresIn} (unchanged when the option is off). */
    private Instant capped(Instant expiresAt, Instant createdAt) {
        long absolute = config.session().absoluteExpiresIn();
        if (absolute <= 0) {
            return expiresAt;
        }
        Instant limit = createdAt.plusSeconds(absolute);
        return expiresAt.isAfter(limit) ? limit : expiresAt;
    }

    /** The token cookie; with an absolute lifetime its Max-Age never outlives {@code createdAt + absolute}. */
    private String tokenCookie(Session session, boolean dontRemember) {
        long absolute = config.session().absoluteExpiresIn();
        if (absolute <= 0 || dontRemember) {
            return cookies.sessionToken(session.token(), dontRemember);
        }
        long left = Math.max(0, java.time.Duration.between(now(), session.createdAt().plusSeconds(absolute)).getSeconds());
        return cookies.sessionToken(session.token(), Math.min(left, config.session().expiresIn()));
    }

    /**
     * Ours ({@code better-auth.session.revoke-on-sign-in}, T-12): after a successful sign-in, the session whose
     * cookie the request still carried is deleted, so a token that was known before authentication never outlives
     * it. Better Auth leaves that row in the store, which is why this is off by default. {@code replacement} is
     * never deleted.
     */
    public void revokePresented(RequestCookies request, Session replacement, String reason) {
        if (!config.session().revokeOnSignIn()) {
            return;
        }
        cookies.sessionToken(request)
                .filter(token -> !token.equals(replacement.token()))
                .flatMap(sessions::findByToken)
                .ifPresent(previous -> delete(previous, reason));
    }

    /** {@code /sign-out}: deletes the presented session (if any) and expires every session cookie. */
    public List<String> signOut(RequestCookies request) {
        Optional<String> token = cookies.sessionToken(request);
        try {
            token.flatMap(sessions::findByToken).ifPresent(s -> delete(s, "sign-out"));
        } catch (RuntimeException e) {
            // As Better Auth: the failure is logged and the client is still signed out locally.
            LOG.log(Level.ERROR, "Could not delete the session on sign-out", e);
        }
        return cookies.deleteAll(request);
    }
}
