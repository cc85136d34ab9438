package io.betterauth.jakarta.core.plugin.admin;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.endpoint.SessionAdministration;
import io.betterauth.jakarta.core.endpoint.SessionGuard;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.OriginCheck;
import java.util.List;
import java.util.Map;

/**
 * The admin plugin's session endpoints ({@code dist/plugins/admin/routes.mjs}): {@code POST /admin/list-user-sessions}
 * ({@code {userId}}), {@code POST /admin/revoke-user-session} ({@code {sessionToken}}, any session, even an unknown
 * token answers success) and {@code POST /admin/revoke-user-sessions} ({@code {userId}}). Each runs in Better Auth's
 * order: the origin check, the body's validation (zod's messages), then the admin middleware (the caller's session
 * read from the store, never the cookie cache; none is 401 with an empty body), then the permission (403 with the
 * plugin's code), then the action through {@link SessionAdministration}, which the Java API shares.
 */
public final class AdminSessionEndpoints {

    /** Better Auth's {@code YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS}. */
    static final String CANNOT_LIST = "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS";
    /** Better Auth's {@code YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS}. */
    static final String CANNOT_REVOKE = "YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS";

    private final BetterAuthConfig config;
    private final SessionAdministration administration;
    private final OriginCheck origins;
    private final AdminMiddleware middleware;

    public AdminSessionEndpoints(BetterAuthConfig config, SessionGuard guard, SessionAdministration administration,
                                 OriginCheck origins) {
        this.config = config;
        this.administration = administration;
        this.origins = origins;
        this.middleware = new AdminMiddleware(guard, new AdminPermissions(config.plugins().admin()));
    }

    /** {@code POST /admin/list-user-sessions}: {@code {"sessions":[…]}}, the user's live sessions with their tokens. */
    public AuthResult listUserSessions(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String userId = body.coercedString("userId");
        body.validate();
        ApiResult<SessionAndUser> admin = middleware.require(caller, "session", "list", CANNOT_LIST,
                "You are not allowed to list users sessions");
        List<Object> sessions = administration.liveSessions(userId).stream()
                .map(s -> config.session().hashTokens() ? withoutToken(s) : s)
                .<Object>map(s -> config.output(s).toJson()).toList();
        return AuthResult.ok(JsJson.stringify(Map.of("sessions", sessions)), admin.setCookies());
    }

    /** {@code POST /admin/revoke-user-session}: {@code {"success":true}}, whether or not the token named a session. */
    public AuthResult revokeUserSession(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String token = body.requiredString("sessionToken");
        body.validate();
        ApiResult<SessionAndUser> admin = middleware.require(caller, "session", "revoke", CANNOT_REVOKE,
                "You are not allowed to revoke users sessions");
        administration.revokeSessionByToken(token, "admin-revoke-user-session");
        return AuthResult.ok("{\"success\":true}", admin.setCookies());
    }

    /** {@code POST /admin/revoke-user-sessions}: {@code {"success":true}}; every session of the user is deleted. */
    public AuthResult revokeUserSessions(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String userId = body.coercedString("userId");
        body.validate();
        ApiResult<SessionAndUser> admin = middleware.require(caller, "session", "revoke", CANNOT_REVOKE,
                "You are not allowed to revoke users sessions");
        administration.revokeUserSessions(userId, "admin-revoke-user-sessions");
        return AuthResult.ok("{\"success\":true}", admin.setCookies());
    }

    /** As {@code /list-sessions} answers with hashed tokens: the store has no token to give, so the id stands in. */
    private static Session withoutToken(Session s) {
        return new Session(s.id(), s.id(), s.userId(), s.expiresAt(), s.createdAt(), s.updatedAt(), s.ipAddress(),
                s.userAgent(), s.additional());
    }
}
