package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.PasswordChange;
import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.option.EmailAndPasswordOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.AdditionalFields;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.SessionLookup;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.SessionInfo;
import io.betterauth.jakarta.api.event.SessionUpdating;
import io.betterauth.jakarta.api.event.UserEvent;
import io.betterauth.jakarta.api.event.UserUpdating;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Better Auth's session-management endpoints as Java methods (spec §4.2–4.12): list, revoke one, revoke the
 * others, revoke all, update the session, change the password, update and delete the user. Each takes the
 * request's cookies, applies Better Auth's middleware (a session is required: 401; sensitive endpoints read the
 * store, never a cached copy; fresh ones: 403 {@code SESSION_NOT_FRESH}) and returns a typed result with the
 * cookies to set. The JAX-RS resources and the injectable {@code BetterAuthApi} are thin adapters over it.
 */
public final class SessionApi {

    /** What change-password answers: the replacement session's token (when others were revoked) and the user. */

    private final BetterAuthConfig config;
    private final SessionManager manager;
    private final SessionStore sessions;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final ColumnLimits limits;

    /** For stores without date columns of their own (memory, Redis). */
    public SessionApi(BetterAuthConfig config, SessionManager manager, SessionStore sessions, UserStore users,
                      PasswordHasher hasher) {
        this(config, manager, sessions, users, hasher, ColumnLimits.JAVASCRIPT_DATES);
    }

    /** With what the stores' columns hold: a value they cannot is 400, never a store failure. */
    public SessionApi(BetterAuthConfig config, SessionManager manager, SessionStore sessions, UserStore users,
                      PasswordHasher hasher, ColumnLimits limits) {
        this.config = config;
        this.manager = manager;
        this.sessions = sessions;
        this.users = users;
        this.hasher = hasher;
        this.limits = limits;
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

    /** {@code GET /list-sessions}: the caller's live sessions (fresh session required). */
    public ApiResult<List<Session>> listSessions(RequestCookies cookies, GetSessionOptions query) {
        requireStore();
        ApiResult<SessionAndUser> auth = requireSession(cookies, query, false);
        requireFresh(auth.value());
        Instant now = manager.now();
        List<Session> live = sessions.listByUser(auth.value().user().id()).stream()
                .filter(s -> s.complete() && s.expiresAt().isAfter(now) && !manager.absolutelyExpired(s, now))
                .map(s -> config.session().hashTokens() ? withoutToken(s) : s)
                .toList();
        return new ApiResult<>(live, auth.setCookies());
    }

    /**
     * {@code POST /revoke-session}: deletes the session with this token only when it belongs to the caller; the
     * answer is the same either way, so it reveals nothing about other users' tokens.
     */
    public ApiResult<Boolean> revokeSession(RequestCookies cookies, String token) {
        requireStore();
        ApiResult<SessionAndUser> auth = requireRevoker(cookies);
        List<String> setCookies = new ArrayList<>(auth.setCookies());
        // A token no column can hold is nobody's: not looked up (PostgreSQL refuses NUL even in a query).
        Optional<Session> target = ColumnLimits.storable(token) ? sessions.findByToken(token) : Optional.empty();
        if (target.isEmpty() && config.session().hashTokens()) {
            // list-sessions showed the id in place of the (unknowable) token: accept it among the caller's own.
            target = sessions.listByUser(auth.value().user().id()).stream()
                    .filter(s -> MessageDigest.isEqual(s.id().getBytes(StandardCharsets.UTF_8),
                            token.getBytes(StandardCharsets.UTF_8)))
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

    /** {@code POST /revoke-other-sessions}: every live session of the caller but the current one. */
    public ApiResult<Boolean> revokeOtherSessions(RequestCookies cookies) {
        requireStore();
        ApiResult<SessionAndUser> auth = requireRevoker(cookies);
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

    /** {@code POST /revoke-sessions}: every session of the caller, the current one included; cookies cleared. */
    public ApiResult<Boolean> revokeSessions(RequestCookies cookies) {
        requireStore();
        ApiResult<SessionAndUser> auth = requireRevoker(cookies);
        manager.deleteAll(auth.value().user().id(), "revoke-sessions");
        return new ApiResult<>(true, manager.cookies().deleteAll(cookies));
    }

    /**
     * {@code POST /update-session}: only declared additional session fields may change; core fields are ignored,
     * and with nothing left Better Auth answers 400 {@code {"message":"No fields to update"}}.
     */
    public ApiResult<Session> updateSession(RequestCookies cookies, Map<String, Object> fields) {
        // A store read (the answer re-issues the cache): see updateUser.
        ApiResult<SessionAndUser> auth = requireSession(cookies, GetSessionOptions.DEFAULT, !config.stateless());
        Map<String, Object> changes = config.session().additionalFields().forUpdate(jakarta.json.Json.createObjectBuilder(fields).build());
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

    /**
     * {@code POST /change-password}: verifies the current password (the new one is hashed first, so timing does
     * not tell which check failed), stores the new hash and, with {@code revokeOtherSessions}, replaces every
     * session of the user with one new session for the caller.
     */
    public ApiResult<PasswordChange> changePassword(RequestCookies cookies, ClientInfo client, String currentPassword,
                                                    String newPassword, boolean revokeOtherSessions) {
        ApiResult<SessionAndUser> auth = requireSession(cookies, GetSessionOptions.DEFAULT, true);
        if (config.session().freshChangePassword()) {
            requireFresh(auth.value());
        }
        EmailAndPasswordOptions limits = config.emailAndPassword();
        if (newPassword.length() < limits.minPasswordLength()) {
            throw new AuthException(ErrorCode.PASSWORD_TOO_SHORT);
        }
        if (newPassword.length() > limits.maxPasswordLength() || currentPassword.length() > limits.maxPasswordLength()) {
            throw new AuthException(ErrorCode.PASSWORD_TOO_LONG);
        }
        User user = auth.value().user();
        Account credential = users.findCredentialAccount(user.id())
                .filter(a -> a.password() != null)
                .orElseThrow(() -> new AuthException(ErrorCode.CREDENTIAL_ACCOUNT_NOT_FOUND));
        String newHash = hasher.hash(newPassword);
        if (!hasher.verify(currentPassword, credential.password())) {
            throw new AuthException(ErrorCode.INVALID_PASSWORD);
        }
        if (revokeOtherSessions) {
            manager.deleteAll(user.id(), "change-password");
        }
        users.updatePassword(user.id(), newHash, manager.now());
        if (!revokeOtherSessions) {
            return new ApiResult<>(new PasswordChange(null, user), auth.setCookies());
        }
        Session replacement = manager.create(user, false, client, "change-password");
        List<String> setCookies = manager.sessionCookies(new SessionAndUser(replacement, user), manager.cookies().dontRemember(cookies), cookies);
        return new ApiResult<>(new PasswordChange(replacement.token(), user), setCookies);
    }

    /**
     * {@code POST /update-user}: changes {@code name} and/or {@code image} ({@code null} clears the image), tells
     * the session store so cached copies of the user are refreshed everywhere, and re-sends the session cookie.
     *
     * @param name  the new name, or {@code null} to keep it
     * @param image the new image; {@link Optional#empty()} to clear it, {@code null} to keep it
     */
    public ApiResult<Boolean> updateUser(RequestCookies cookies, String name, Optional<String> image) {
        return updateUser(cookies, name, image, Map.of());
    }

    /** {@code update-user} with declared additional user fields too (already validated, see {@link AdditionalFields}). */
    public ApiResult<Boolean> updateUser(RequestCookies cookies, String name, Optional<String> image,
                                         Map<String, Object> additional) {
        // A store read, never the cookie cache: this endpoint re-issues the cache, and a cached copy of a revoked
        // session must not mint itself a new one (issue 15, #2; Better Auth reads the cache here). Stateless
        // sessions have no store to read: their cookie is the record.
        ApiResult<SessionAndUser> auth = requireSession(cookies, GetSessionOptions.DEFAULT, !config.stateless());
        if (name == null && image == null && additional.isEmpty()) {
            throw noFieldsToUpdate(auth.setCookies());
        }
        limits.checkUser(name, null, image == null ? null : image.orElse(null), additional);
        User current = auth.value().user();
        Map<String, Object> extra = new java.util.LinkedHashMap<>(current.additional());
        extra.putAll(additional);
        User changed = new User(current.id(), name != null ? name : current.name(), current.email(),
                current.emailVerified(), image != null ? image.orElse(null) : current.image(), current.createdAt(),
                manager.now(), extra);
        manager.events().beforeUserUpdate(new UserUpdating(changed));
        Optional<User> stored = users.update(changed);
        if (stored.isEmpty()) {
            // The user was deleted since the session was read: no session, and no cookie re-issued for it.
            throw new AuthException(ErrorCode.UNAUTHORIZED, manager.cookies().deleteAll(cookies));
        }
        User updated = stored.get();
        sessions.userUpdated(updated);
        manager.events().after(new UserEvent(UserEvent.Kind.UPDATED, updated));
        return new ApiResult<>(true, reissued(auth.value().session(), updated, cookies));
    }

    /**
     * The session cookies re-issued after a write, from the session as the store holds it after that write: a
     * session revoked while the request ran gets its cookies cleared instead of a fresh cache (issue 15, #2).
     */
    private List<String> reissued(Session session, User user, RequestCookies cookies) {
        Optional<Session> live = config.stateless() ? Optional.of(session) : sessions.findByToken(session.token());
        if (live.isEmpty() || live.get().expiresAt().isBefore(manager.now())) {
            throw new AuthException(ErrorCode.UNAUTHORIZED, manager.cookies().deleteAll(cookies));
        }
        return manager.sessionCookies(new SessionAndUser(live.get(), user), manager.cookies().dontRemember(cookies),
                cookies);
    }

    /**
     * {@code POST /delete-user} (when enabled): with a password, that password must be right; without one the
     * session must be fresh (else 400 {@code SESSION_EXPIRED}, Better Auth's own rule). Deletes the user, their
     * accounts and sessions, and clears the cookies.
     */
    public ApiResult<Boolean> deleteUser(RequestCookies cookies, String password) {
        return deleteUser(cookies, password, null);
    }

    /**
     * {@code POST /delete-user} in Better Auth 1.7.25's order: the session first (its {@code sensitiveSessionMiddleware}
     * answers 401 before the handler can say the endpoint is off), then 404 with an empty body when
     * {@code better-auth.user.delete-user.enabled} is off, then the password, then {@code token}: a deletion token
     * from Better Auth's e-mail verification, which this library never issues, so any token is 404
     * {@code INVALID_TOKEN}, as Better Auth answers an unknown one.
     */
    public ApiResult<Boolean> deleteUser(RequestCookies cookies, String password, String token) {
        ApiResult<SessionAndUser> auth = requireSession(cookies, GetSessionOptions.DEFAULT, true);
        if (!config.user().deleteUser().enabled()) {
            throw AuthException.withoutBody(404);
        }
        User user = auth.value().user();
        if (password != null && !password.isEmpty()) {
            if (password.length() > config.emailAndPassword().maxPasswordLength()) {
                throw new AuthException(ErrorCode.PASSWORD_TOO_LONG);
            }
            Account credential = users.findCredentialAccount(user.id())
                    .filter(a -> a.password() != null)
                    .orElseThrow(() -> new AuthException(ErrorCode.CREDENTIAL_ACCOUNT_NOT_FOUND));
            if (!hasher.verify(password, credential.password())) {
                throw new AuthException(ErrorCode.INVALID_PASSWORD);
            }
        }
        if (token != null && !token.isEmpty()) {
            throw new AuthException(ErrorCode.INVALID_TOKEN);
        }
        if ((password == null || password.isEmpty()) && !isFresh(auth.value().session())) {
            freshCheckFailed(auth.value().session());
            throw new AuthException(ErrorCode.SESSION_EXPIRED);
        }
        manager.deleteAll(user.id(), "delete-user");
        users.delete(user.id());
        manager.events().after(new UserEvent(UserEvent.Kind.DELETED, user));
        return new ApiResult<>(true, manager.cookies().deleteAll(cookies));
    }

    /**
     * For the host app's administration (checklist T-25, T-26): the user's live sessions, without their tokens.
     * No caller session is checked here — guard the code that calls it with the app's own authorization (for
     * example {@code @RolesAllowed("admin")} with {@link io.betterauth.jakarta.spi.CallerGroups}).
     */
    public List<SessionInfo> listUserSessions(String userId) {
        requireStore();
        Instant now = manager.now();
        return sessions.listByUser(userId).stream()
                .filter(s -> s.complete() && s.expiresAt().isAfter(now) && !manager.absolutelyExpired(s, now))
                .map(SessionInfo::of)
                .toList();
    }

    /**
     * Revokes one session of the user by its id (not its token), with the events and audit line of a revoke;
     * answers whether there was such a session. For the host app's administration, guarded by the app.
     */
    public boolean revokeUserSession(String userId, String sessionId, String reason) {
        requireStore();
        Optional<Session> target = sessions.listByUser(userId).stream()
                .filter(s -> s.id() != null && MessageDigest.isEqual(s.id().getBytes(StandardCharsets.UTF_8),
                        sessionId.getBytes(StandardCharsets.UTF_8)))
                .findFirst();
        target.ifPresent(s -> manager.delete(s, reason));
        return target.isPresent();
    }

    /**
     * Revokes every session of the user — when the app disables or deletes the account, resets its password or an
     * administrator signs it out everywhere — from the table and from secondary storage (whose revocation marker
     * also ends sessions another instance still lists). Each fires {@code SessionEvent(REVOKED, reason)}. Devices
     * holding a cookie cache keep it until its {@code max-age} (the documented revocation window); sensitive
     * endpoints refuse them at once. Answers how many sessions there were.
     */
    public int revokeUserSessions(String userId, String reason) {
        requireStore();
        int count = sessions.listByUser(userId).size();
        manager.deleteAll(userId, reason);
        return count;
    }

    private void freshCheckFailed(Session session) {
        manager.events().after(new SessionEvent(SessionEvent.Kind.FRESH_CHECK_FAILED, "fresh-age",
                SessionInfo.of(session)));
    }

    /**
     * The revoke endpoints: Better Auth's {@code sensitiveSessionMiddleware} (a store read), and with
     * {@code better-auth.session.fresh-revoke} (ours, T-17) a fresh session too.
     */
    private ApiResult<SessionAndUser> requireRevoker(RequestCookies cookies) {
        ApiResult<SessionAndUser> auth = requireSession(cookies, GetSessionOptions.DEFAULT, true);
        if (config.session().freshRevoke()) {
            requireFresh(auth.value());
        }
        return auth;
    }

    /**
     * Without a store (stateless mode) a server knows only the caller's own cookie: it cannot list other devices
     * or revoke them, so these endpoints say so instead of pretending.
     */
    private void requireStore() {
        if (config.stateless()) {
            throw new AuthException(501, "STATELESS_SESSIONS", "Listing and revoking devices needs a session store; "
                    + "better-auth.database is none (stateless sessions)", List.of());
        }
    }

    /**
     * With {@code better-auth.session.hash-tokens} the store has no usable token to show: list-sessions puts the
     * session id in its place, which revoke-session accepts (so the official client's revoke still works).
     */
    private static Session withoutToken(Session s) {
        return new Session(s.id(), s.id(), s.userId(), s.expiresAt(), s.createdAt(), s.updatedAt(), s.ipAddress(),
                s.userAgent(), s.additional());
    }

    private static AuthException noFieldsToUpdate(List<String> setCookies) {
        return new AuthException(400, null, "No fields to update", setCookies);
    }
}
