package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.PasswordChange;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.api.event.UserEvent;
import io.betterauth.jakarta.api.event.UserUpdating;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.option.EmailAndPasswordOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.AdditionalFields;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Better Auth's account endpoints (spec §4.8–4.10): {@code update-user}, {@code change-password} and
 * {@code delete-user}, each as the {@code auth.api} call (Java arguments, a typed {@link ApiResult}) and as the
 * HTTP endpoint (body and {@link Caller} in, Better Auth's answer out as an {@link AuthResult}).
 */
public final class AccountEndpoints {

    private final BetterAuthConfig config;
    private final SessionManager manager;
    private final SessionStore sessions;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionGuard guard;
    private final OriginCheck origins;
    private final ColumnLimits limits;

    public AccountEndpoints(BetterAuthConfig config, SessionManager manager, SessionStore sessions, UserStore users,
                            PasswordHasher hasher, SessionGuard guard, OriginCheck origins, ColumnLimits limits) {
        this.config = config;
        this.manager = manager;
        this.sessions = sessions;
        this.users = users;
        this.hasher = hasher;
        this.guard = guard;
        this.origins = origins;
        this.limits = limits;
    }

    /**
     * {@code updateUser}: changes {@code name} and/or {@code image} ({@code null} clears the image), tells the
     * session store so cached copies of the user are refreshed everywhere, and re-sends the session cookie.
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
        // A store read, never the cookie cache: this endpoint re-issues the cache (see SessionGuard).
        ApiResult<SessionAndUser> auth = guard.requireLiveSession(cookies);
        if (name == null && image == null && additional.isEmpty()) {
            throw SessionEndpoints.noFieldsToUpdate(auth.setCookies());
        }
        limits.checkUser(name, null, image == null ? null : image.orElse(null), additional);
        User current = auth.value().user();
        Map<String, Object> extra = new LinkedHashMap<>(current.additional());
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
     * {@code updateUser} with Better Auth's body: {@code name}, {@code image} ({@code null} clears it) and declared
     * additional fields; an {@code email} is refused (400 {@code EMAIL_CAN_NOT_BE_UPDATED}: changing it needs
     * Better Auth's verification flow, which this library does not have).
     */
    public ApiResult<Boolean> updateUser(RequestBody body, RequestCookies cookies) {
        JsonObject json = body.json();
        JsonValue email = json.get("email");
        // Better Auth tests the email's truthiness: null, false and "" are no email.
        if (email != null && email.getValueType() != JsonValue.ValueType.NULL
                && email.getValueType() != JsonValue.ValueType.FALSE
                && !(email instanceof JsonString s && s.getString().isEmpty())) {
            throw new AuthException(ErrorCode.EMAIL_CAN_NOT_BE_UPDATED);
        }
        String name = body.optionalString("name");
        Optional<String> image = null;
        if (json.containsKey("image")) {
            image = json.isNull("image") ? Optional.empty() : Optional.ofNullable(body.optionalString("image"));
        }
        body.validate();
        return updateUser(cookies, name, image, config.user().additionalFields().forUpdate(json));
    }

    /** {@code POST /update-user}: {@code {"status":true}} and the re-issued session cookies. */
    public AuthResult updateUser(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        return SessionEndpoints.status(updateUser(body, caller.cookies()));
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
     * {@code changePassword}: verifies the current password (the new one is hashed first, so timing does not tell
     * which check failed), stores the new hash and, with {@code revokeOtherSessions}, replaces every session of the
     * user with one new session for the caller.
     */
    public ApiResult<PasswordChange> changePassword(RequestCookies cookies, ClientInfo client, String currentPassword,
                                                    String newPassword, boolean revokeOtherSessions) {
        ApiResult<SessionAndUser> auth = guard.requireStoredSession(cookies);
        try {
            return changePassword(auth, cookies, client, currentPassword, newPassword, revokeOtherSessions);
        } catch (AuthException e) {
            throw SessionGuard.after(auth, e);
        }
    }

    private ApiResult<PasswordChange> changePassword(ApiResult<SessionAndUser> auth, RequestCookies cookies,
                                                     ClientInfo client, String currentPassword, String newPassword,
                                                     boolean revokeOtherSessions) {
        if (config.session().freshChangePassword()) {
            guard.requireFresh(auth.value());
        }
        EmailAndPasswordOptions lengths = config.emailAndPassword();
        if (newPassword.length() < lengths.minPasswordLength()) {
            throw new AuthException(ErrorCode.PASSWORD_TOO_SHORT);
        }
        if (newPassword.length() > lengths.maxPasswordLength() || currentPassword.length() > lengths.maxPasswordLength()) {
            throw new AuthException(ErrorCode.PASSWORD_TOO_LONG);
        }
        User user = auth.value().user();
        Account credential = credentialAccount(user);
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
        // the store read's cache line first, then the new session's cookies (Better Auth sends both; the last wins)
        List<String> setCookies = new ArrayList<>(auth.setCookies());
        setCookies.addAll(manager.sessionCookies(new SessionAndUser(replacement, user),
                manager.cookies().dontRemember(cookies), cookies));
        return new ApiResult<>(new PasswordChange(replacement.token(), user), setCookies);
    }

    /**
     * {@code POST /change-password} with {@code {newPassword, currentPassword[, revokeOtherSessions]}}:
     * {@code {"token","user"}} (the token null unless the other sessions were revoked).
     */
    public AuthResult changePassword(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String newPassword = body.requiredString("newPassword");
        String currentPassword = body.requiredString("currentPassword");
        Boolean revokeOthers = body.optionalBoolean("revokeOtherSessions");
        body.validate();
        ApiResult<PasswordChange> result = changePassword(caller.cookies(), caller.client(), currentPassword,
                newPassword, Boolean.TRUE.equals(revokeOthers));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", result.value().token());
        out.put("user", config.output(result.value().user()).toJson());
        return AuthResult.ok(JsJson.stringify(out), result.setCookies());
    }

    /**
     * {@code deleteUser} (when enabled): with a password, that password must be right; without one the session
     * must be fresh (else 400 {@code SESSION_EXPIRED}, Better Auth's own rule). Deletes the user, their accounts and
     * sessions, and clears the cookies.
     */
    public ApiResult<Boolean> deleteUser(RequestCookies cookies, String password) {
        return deleteUser(cookies, password, null);
    }

    /**
     * {@code deleteUser} in Better Auth 1.7.25's order: the session first (its {@code sensitiveSessionMiddleware}
     * answers 401 before the handler can say the endpoint is off), then 404 with an empty body when
     * {@code better-auth.user.delete-user.enabled} is off, then the password, then {@code token}: a deletion token
     * from Better Auth's e-mail verification, which this library never issues, so any token is 404
     * {@code INVALID_TOKEN}, as Better Auth answers an unknown one.
     */
    public ApiResult<Boolean> deleteUser(RequestCookies cookies, String password, String token) {
        ApiResult<SessionAndUser> auth = guard.requireStoredSession(cookies);
        try {
            return deleteUser(auth, cookies, password, token);
        } catch (AuthException e) {
            throw SessionGuard.after(auth, e);
        }
    }

    private ApiResult<Boolean> deleteUser(ApiResult<SessionAndUser> auth, RequestCookies cookies, String password,
                                          String token) {
        if (!config.user().deleteUser().enabled()) {
            throw AuthException.withoutBody(404);
        }
        User user = auth.value().user();
        if (password != null && !password.isEmpty()) {
            if (password.length() > config.emailAndPassword().maxPasswordLength()) {
                throw new AuthException(ErrorCode.PASSWORD_TOO_LONG);
            }
            if (!hasher.verify(password, credentialAccount(user).password())) {
                throw new AuthException(ErrorCode.INVALID_PASSWORD);
            }
        }
        if (token != null && !token.isEmpty()) {
            throw new AuthException(ErrorCode.INVALID_TOKEN);
        }
        if ((password == null || password.isEmpty()) && !guard.isFresh(auth.value().session())) {
            guard.freshCheckFailed(auth.value().session());
            throw new AuthException(ErrorCode.SESSION_EXPIRED);
        }
        manager.deleteAll(user.id(), "delete-user");
        users.delete(user.id());
        manager.events().after(new UserEvent(UserEvent.Kind.DELETED, user));
        return new ApiResult<>(true, manager.cookies().deleteAll(cookies));
    }

    /**
     * {@code POST /delete-user} with {@code {[password][, callbackURL][, token]}}:
     * {@code {"success":true,"message":"User deleted"}}, the cookies cleared.
     */
    public AuthResult deleteUser(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String password = body.optionalString("password");
        body.optionalString("callbackURL");
        String token = body.optionalString("token");
        body.validate();
        return SessionEndpoints.sessionsEnded(config, "{\"success\":true,\"message\":\"User deleted\"}",
                deleteUser(caller.cookies(), password, token).setCookies());
    }

    /** The user's password account, or 400 {@code CREDENTIAL_ACCOUNT_NOT_FOUND}. */
    private Account credentialAccount(User user) {
        return users.findCredentialAccount(user.id())
                .filter(a -> a.password() != null)
                .orElseThrow(() -> new AuthException(ErrorCode.CREDENTIAL_ACCOUNT_NOT_FOUND));
    }
}
