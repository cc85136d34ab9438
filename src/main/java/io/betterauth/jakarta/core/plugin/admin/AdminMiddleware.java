package io.betterauth.jakarta.core.plugin.admin;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.endpoint.SessionGuard;

/**
 * Better Auth's {@code adminMiddleware} ({@code dist/plugins/admin/routes.mjs}) followed by the endpoint's
 * {@code hasPermission} check: the caller's session read from the store ({@code getAuthoritativeSessionFromCtx},
 * never the cookie cache, so a demoted admin's cached role grants nothing); none is 401 with an empty body, the
 * cookies a failed lookup expires kept; a caller without the permission gets 403 with the endpoint's code.
 */
final class AdminMiddleware {

    private final SessionGuard guard;
    private final AdminPermissions permissions;

    AdminMiddleware(SessionGuard guard, AdminPermissions permissions) {
        this.guard = guard;
        this.permissions = permissions;
    }

    /** The caller's session when it may do {@code action} on {@code resource}; 401 or 403 otherwise. */
    ApiResult<SessionAndUser> require(Caller caller, String resource, String action, String code, String message) {
        ApiResult<SessionAndUser> auth = session(caller);
        if (!has(auth.value(), resource, action)) {
            throw new AuthException(403, code, message, auth.setCookies());
        }
        return auth;
    }

    /** The caller's stored session; 401 with an empty body without one. */
    ApiResult<SessionAndUser> session(Caller caller) {
        try {
            return guard.requireStoredSession(caller.cookies());
        } catch (AuthException e) {
            if (e.status() != 401) {
                throw e;
            }
            throw new AuthException(401, null, null, e.setCookies());
        }
    }

    /** Whether this session's user holds the permission (its {@code role} as stored; adminUserIds hold all). */
    boolean has(SessionAndUser current, String resource, String action) {
        return permissions.has(current.user().id(), role(current.user()), resource, action);
    }

    /** The user's {@code role} column when it is a string. */
    static String role(io.betterauth.jakarta.api.User user) {
        return user.additional().get("role") instanceof String r ? r : null;
    }
}
