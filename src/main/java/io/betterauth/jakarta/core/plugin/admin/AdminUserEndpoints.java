package io.betterauth.jakarta.core.plugin.admin;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.api.event.UserEvent;
import io.betterauth.jakarta.api.event.UserUpdating;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.endpoint.SessionAdministration;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin plugin's user endpoints ({@code dist/plugins/admin/routes.mjs}): {@link #setRole}, {@link #getUser},
 * {@link #removeUser},
 * {@code POST /admin/ban-user} ({@code {userId, banReason?, banExpiresIn?}}) and {@code POST /admin/unban-user}
 * ({@code {userId}}), both needing {@code user:ban}. Each runs in Better Auth's order: the origin check, the body's
 * validation (zod's messages), the admin middleware (401 with no body), the permission (403
 * {@code YOU_ARE_NOT_ALLOWED_TO_BAN_USERS}), the user (404 {@code USER_NOT_FOUND}); a ban of oneself is 400
 * {@code YOU_CANNOT_BAN_YOURSELF}. A ban writes {@code banned}, {@code banReason} (the body's, else
 * {@code defaultBanReason}, else {@code "No reason"}), {@code banExpires} (now + {@code banExpiresIn} seconds, else
 * now + {@code defaultBanExpiresIn}, else none: forever) and {@code updatedAt}, then revokes every session of the
 * user through {@link SessionAdministration} as {@code /admin/revoke-user-sessions} does (secondary storage's
 * revocation marker included); {@link BanVeto} then refuses the user's sign-ins. Both answer {@code {"user": …}},
 * the user as updated.
 */
public final class AdminUserEndpoints {

    /** Better Auth's {@code YOU_ARE_NOT_ALLOWED_TO_BAN_USERS}. */
    static final String CANNOT_BAN = "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS";
    /** Better Auth's {@code YOU_CANNOT_BAN_YOURSELF}. */
    static final String CANNOT_BAN_YOURSELF = "YOU_CANNOT_BAN_YOURSELF";

    private final BetterAuthConfig config;
    private final AdminOptions options;
    private final SessionManager manager;
    private final UserStore users;
    private final SessionStore sessions;
    private final SessionAdministration administration;
    private final OriginCheck origins;
    private final ColumnLimits limits;
    private final AdminMiddleware middleware;

    AdminUserEndpoints(BetterAuthConfig config, SessionManager manager, UserStore users, SessionStore sessions,
                       SessionAdministration administration, OriginCheck origins, ColumnLimits limits,
                       AdminMiddleware middleware) {
        this.config = config;
        this.options = config.plugins().admin();
        this.manager = manager;
        this.users = users;
        this.sessions = sessions;
        this.administration = administration;
        this.origins = origins;
        this.limits = limits;
        this.middleware = middleware;
    }

    /** {@code POST /admin/ban-user}: {@code {"user": …}} banned, its sessions revoked. */
    public AuthResult banUser(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String userId = body.coercedString("userId");
        String banReason = body.optionalString("banReason");
        Double banExpiresIn = body.optionalNumber("banExpiresIn");
        body.validate();
        ApiResult<SessionAndUser> admin = middleware.require(caller, "user", "ban", CANNOT_BAN,
                "You are not allowed to ban users");
        User user = existing(userId, admin);
        if (userId.equals(admin.value().user().id())) {
            throw new AuthException(400, CANNOT_BAN_YOURSELF, "You cannot ban yourself", admin.setCookies());
        }
        Instant now = manager.now();
        // JavaScript's truthiness: an empty reason and a zero duration fall back to the defaults.
        String reason = banReason != null && !banReason.isEmpty() ? banReason
                : options.defaultBanReason() != null && !options.defaultBanReason().isEmpty()
                ? options.defaultBanReason() : "No reason";
        Instant expires = banExpiresIn != null && banExpiresIn != 0 ? inSeconds(now, banExpiresIn)
                : options.defaultBanExpiresIn() != null ? inSeconds(now, options.defaultBanExpiresIn()) : null;
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("banned", true);
        changes.put("banReason", reason);
        changes.put("banExpires", expires);
        checkStorable(reason, expires, admin);
        User banned = update(user, changes, now, admin);
        administration.revokeUserSessions(userId, "admin-ban-user");
        return answer(banned, admin);
    }

    /** {@code POST /admin/unban-user}: {@code {"user": …}} with the ban cleared; the user may sign in again. */
    public AuthResult unbanUser(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String userId = body.coercedString("userId");
        body.validate();
        ApiResult<SessionAndUser> admin = middleware.require(caller, "user", "ban", CANNOT_BAN,
                "You are not allowed to ban users");
        User user = existing(userId, admin);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("banned", false);
        changes.put("banExpires", null);
        changes.put("banReason", null);
        return answer(update(user, changes, manager.now(), admin), admin);
    }

    /**
     * {@code POST /admin/set-role} ({@code {userId, role}}, {@code role} a string or an array of strings, joined with
     * {@code ,}): {@code {"user": …}} with the new role. Permission {@code user:set-role} (403
     * {@code YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE}); an unknown user is 404. As in Better Auth without custom
     * roles, any role name is written: one that is no role grants nothing.
     */
    public AuthResult setRole(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String userId = body.coercedString("userId");
        String role = body.requiredStringOrStrings("role");
        body.validate();
        ApiResult<SessionAndUser> admin = middleware.require(caller, "user", "set-role",
                "YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE", "You are not allowed to change users role");
        User user = existing(userId, admin);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("role", role);
        try {
            limits.checkAdditional(changes);
        } catch (AuthException e) {
            throw new AuthException(e.status(), e.code(), e.getMessage(), admin.setCookies());
        }
        return answer(update(user, changes, manager.now(), admin), admin);
    }

    /**
     * {@code GET /admin/get-user?id=}: the user itself (not wrapped in {@code {user}}, as Better Auth answers).
     * Permission {@code user:get} (403 {@code YOU_ARE_NOT_ALLOWED_TO_GET_USER}); an unknown user is 404.
     *
     * @param ids the query's {@code id} values (none: absent; several: an array, as better-call reads a repeated key)
     */
    public AuthResult getUser(java.util.List<String> ids, Caller caller) {
        if (ids == null || ids.size() != 1) {
            throw new AuthException(ErrorCode.VALIDATION_ERROR, "[query.id] Invalid input: expected string, received "
                    + (ids == null || ids.isEmpty() ? "undefined" : "array"));
        }
        ApiResult<SessionAndUser> admin = middleware.require(caller, "user", "get", "YOU_ARE_NOT_ALLOWED_TO_GET_USER",
                "You are not allowed to get user");
        User user = existing(ids.get(0), admin);
        return AuthResult.ok(JsJson.stringify(config.output(user).toJson()), admin.setCookies());
    }

    /**
     * {@code POST /admin/remove-user} ({@code {userId}}): {@code {"success":true}}, the user deleted with every session
     * (through the revoke-user-sessions path) and account. Permission {@code user:delete} (403
     * {@code YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS}); oneself is 400 {@code YOU_CANNOT_REMOVE_YOURSELF}, checked before
     * the user is looked up, as Better Auth does; an unknown user is 404.
     */
    public AuthResult removeUser(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String userId = body.coercedString("userId");
        body.validate();
        ApiResult<SessionAndUser> admin = middleware.require(caller, "user", "delete",
                "YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS", "You are not allowed to delete users");
        if (userId.equals(admin.value().user().id())) {
            throw new AuthException(400, "YOU_CANNOT_REMOVE_YOURSELF", "You cannot remove yourself",
                    admin.setCookies());
        }
        User user = existing(userId, admin);
        administration.revokeUserSessions(userId, "admin-remove-user");
        users.delete(userId);
        manager.events().after(new UserEvent(UserEvent.Kind.DELETED, user));
        return AuthResult.ok("{\"success\":true}", admin.setCookies());
    }

    /** The user, or 404 {@code USER_NOT_FOUND} (with the admin's cookies). */
    private User existing(String userId, ApiResult<SessionAndUser> admin) {
        // An id no column can hold is nobody's: not looked up (PostgreSQL refuses NUL even in a query).
        return (ColumnLimits.storable(userId) ? users.findById(userId) : java.util.Optional.<User>empty())
                .orElseThrow(() -> new AuthException(ErrorCode.USER_NOT_FOUND, admin.setCookies()));
    }

    /**
     * {@code getDate(seconds, "sec")}: {@code new Date(Date.now() + seconds * 1000)}, fractions of a millisecond
     * dropped toward zero as JavaScript's TimeClip drops them; beyond a JavaScript date's range the instant just
     * past it, which {@link #checkStorable} refuses.
     */
    static Instant inSeconds(Instant now, double seconds) {
        double ms = now.toEpochMilli() + seconds * 1000;
        if (!(Math.abs(ms) <= 8.64e15)) {
            return Instant.ofEpochMilli(ms < 0 ? -8_640_000_000_000_001L : 8_640_000_000_000_001L);
        }
        return Instant.ofEpochMilli((long) ms);
    }

    /**
     * Ours: a reason or an end the user table cannot hold is 400 {@code VALIDATION_ERROR} in zod's words, where
     * Better Auth's database write would fail with a 500 (an Invalid Date, a NUL character, a date beyond the
     * column's range).
     */
    private void checkStorable(String reason, Instant expires, ApiResult<SessionAndUser> admin) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("banReason", reason);
        if (expires != null) {
            values.put("banExpiresIn", expires);
        }
        try {
            limits.checkAdditional(values);
        } catch (AuthException e) {
            throw new AuthException(e.status(), e.code(), e.getMessage(), admin.setCookies());
        }
    }

    /**
     * {@code internalAdapter.updateUser}: the listeners' before-hook, the write, the session store told (copies of
     * the user in secondary storage follow), the after-event; 404 when the user went meanwhile.
     */
    private User update(User user, Map<String, Object> changes, Instant now, ApiResult<SessionAndUser> admin) {
        Map<String, Object> additional = new LinkedHashMap<>(user.additional());
        additional.putAll(changes);
        User changed = new User(user.id(), user.name(), user.email(), user.emailVerified(), user.image(),
                user.createdAt(), now, additional);
        manager.events().beforeUserUpdate(new UserUpdating(changed));
        User updated = users.update(changed)
                .orElseThrow(() -> new AuthException(ErrorCode.USER_NOT_FOUND, admin.setCookies()));
        sessions.userUpdated(updated);
        manager.events().after(new UserEvent(UserEvent.Kind.UPDATED, updated));
        return updated;
    }

    /** {@code {"user": parseUserOutput(user)}} with the admin's cookies. */
    private AuthResult answer(User user, ApiResult<SessionAndUser> admin) {
        return AuthResult.ok(JsJson.stringify(Map.of("user", config.output(user).toJson())), admin.setCookies());
    }
}
