package io.betterauth.jakarta.core.plugin.admin;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.endpoint.SessionGuard;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.UserStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin plugin's impersonation ({@code dist/plugins/admin/routes.mjs}).
 *
 * <p>{@code POST /admin/impersonate-user} ({@code {userId}}, permission {@code user:impersonate}): a new session of
 * the user with {@code impersonatedBy} = the admin's id, lasting {@code impersonationSessionDuration} seconds, as a
 * don't-remember session (a browser-session cookie, never refreshed). The browser's session cookies are expired,
 * the admin's token is kept in the signed {@code <prefix>.admin_session} cookie ({@code <token>:<the
 * dont_remember cookie's value or empty>}, the session token cookie's attributes and {@code Max-Age}), then the new
 * session's cookies are set. A target who is an admin (a role of {@code adminRoles}, or in {@code adminUserIds}) is
 * 403 {@code YOU_CANNOT_IMPERSONATE_ADMINS} unless {@code allowImpersonatingAdmins} or the caller holds
 * {@code user:impersonate-admins}; a banned target is the ban's 403.
 *
 * <p>{@code POST /admin/stop-impersonating} (no body): the caller's session must be an impersonation session
 * (none: 401 with no body; not one: 400 "You are not impersonating anyone"); the {@code admin_session} cookie must
 * verify and name a stored session of the admin who impersonates (else Better Auth's 500 "Failed to find admin
 * session", and nothing changes). The impersonation session is deleted, the admin's session cookies are set again
 * (don't-remember as it was) and {@code admin_session} is expired; answers the admin's {@code {session, user}}.
 */
public final class ImpersonationEndpoints {

    /** Better Auth's {@code YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS}. */
    static final String CANNOT_IMPERSONATE = "YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS";
    /** Better Auth's {@code YOU_CANNOT_IMPERSONATE_ADMINS}. */
    static final String CANNOT_IMPERSONATE_ADMINS = "YOU_CANNOT_IMPERSONATE_ADMINS";
    /** The cookie that keeps the admin's session during an impersonation ({@code createAuthCookie("admin_session")}). */
    static final String ADMIN_SESSION = "admin_session";

    private final BetterAuthConfig config;
    private final AdminOptions options;
    private final SessionManager manager;
    private final SessionCookies cookies;
    private final SessionGuard guard;
    private final UserStore users;
    private final OriginCheck origins;
    private final AdminMiddleware middleware;

    ImpersonationEndpoints(BetterAuthConfig config, SessionManager manager, SessionGuard guard, UserStore users,
                           OriginCheck origins, AdminMiddleware middleware) {
        this.config = config;
        this.options = config.plugins().admin();
        this.manager = manager;
        this.cookies = manager.cookies();
        this.guard = guard;
        this.users = users;
        this.origins = origins;
        this.middleware = middleware;
    }

    /** The {@code admin_session} cookie's name. */
    public String adminSessionCookieName() {
        return cookies.authCookieName(ADMIN_SESSION);
    }

    /** {@code POST /admin/impersonate-user}: {@code {session, user}} of the new impersonation session. */
    public AuthResult impersonateUser(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        String userId = body.coercedString("userId");
        body.validate();
        ApiResult<SessionAndUser> admin = middleware.require(caller, "user", "impersonate", CANNOT_IMPERSONATE,
                "You are not allowed to impersonate users");
        User target = (ColumnLimits.storable(userId) ? users.findById(userId) : Optional.<User>empty())
                .orElseThrow(() -> new AuthException(ErrorCode.USER_NOT_FOUND, admin.setCookies()));
        if (isAdmin(target) && !(options.allowImpersonatingAdmins()
                || middleware.has(admin.value(), "user", "impersonate-admins"))) {
            throw new AuthException(403, CANNOT_IMPERSONATE_ADMINS, "You cannot impersonate admins",
                    admin.setCookies());
        }
        Session session;
        try {
            session = manager.create(target, options.impersonationSessionDuration(),
                    Map.of("impersonatedBy", admin.value().user().id()), caller.client(), "admin-impersonate-user");
        } catch (AuthException rejected) {
            throw new AuthException(rejected.status(), rejected.code(), rejected.getMessage(), admin.setCookies(),
                    rejected.headers());
        }
        RequestCookies request = caller.cookies();
        List<String> lines = new ArrayList<>();
        // deleteSessionCookie first drops what the middleware's lookup wrote for the cookies it expires.
        admin.setCookies().stream().filter(line -> !sessionCookie(line)).forEach(lines::add);
        lines.addAll(cookies.deleteAll(request));
        String dontRemember = request.get(cookies.dontRememberName()).flatMap(cookies::verify).orElse("");
        lines.add(cookies.signedTokenCookie(adminSessionCookieName(),
                admin.value().session().token() + ":" + dontRemember));
        lines.addAll(manager.sessionCookies(new SessionAndUser(session, target), true, request));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session", session.toJson()); // as createSession returned it: not parseSessionOutput
        out.put("user", config.output(target).toJson());
        return AuthResult.ok(JsJson.stringify(out), lines);
    }

    /** {@code POST /admin/stop-impersonating}: {@code {session, user}} of the admin's session, restored. */
    public AuthResult stopImpersonating(RequestBody body, Caller caller) {
        caller.checkOrigin(origins);
        RequestCookies request = caller.cookies();
        ApiResult<SessionAndUser> current;
        try {
            current = guard.requireSession(request, GetSessionOptions.DEFAULT, false);
        } catch (AuthException e) {
            throw new AuthException(401, null, null, e.setCookies());
        }
        List<String> lines = new ArrayList<>(current.setCookies());
        Object by = current.value().session().additional().get("impersonatedBy");
        if (!(by instanceof String adminId) || adminId.isEmpty()) {
            throw new AuthException(400, null, "You are not impersonating anyone", lines);
        }
        users.findById(adminId).orElseThrow(() -> failed("Failed to find user", lines));
        String[] kept = request.get(adminSessionCookieName()).flatMap(cookies::verify)
                .orElseThrow(() -> failed("Failed to find admin session", lines)).split(":", -1);
        Optional<SessionAndUser> adminSession = manager.find(kept[0])
                .filter(s -> s.session().userId().equals(adminId));
        if (adminSession.isEmpty()) {
            throw failed("Failed to find admin session", lines);
        }
        manager.delete(current.value().session(), "admin-stop-impersonating");
        boolean dontRemember = kept.length > 1 && !kept[1].isEmpty();
        lines.addAll(manager.sessionCookies(adminSession.get(), dontRemember, request));
        lines.add(cookies.expire(adminSessionCookieName()));
        SessionAndUser restored = config.output(adminSession.get());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session", restored.session().toJson());
        out.put("user", restored.user().toJson());
        return AuthResult.ok(JsJson.stringify(out), lines);
    }

    /** Better Auth's admin test for the target: a role in {@code adminRoles} (trimmed), or an id in adminUserIds. */
    private boolean isAdmin(User target) {
        String role = AdminMiddleware.role(target);
        String roles = role != null && !role.isEmpty() ? role : options.defaultRole();
        List<String> adminRoles = options.adminRoles().stream().map(String::trim).toList();
        return Arrays.stream(roles.split(",", -1)).anyMatch(adminRoles::contains)
                || options.adminUserIds().contains(target.id());
    }

    /** Whether a {@code Set-Cookie} line is for a cookie {@code deleteSessionCookie} expires. */
    private boolean sessionCookie(String line) {
        String name = line.substring(0, Math.max(0, line.indexOf('=')));
        return name.equals(cookies.sessionTokenName()) || name.startsWith(cookies.sessionDataName())
                || name.equals(cookies.dontRememberName());
    }

    /** Better Auth's {@code APIError.fromStatus("INTERNAL_SERVER_ERROR", {message})}: a 500 with only a message. */
    private static AuthException failed(String message, List<String> setCookies) {
        return new AuthException(500, null, message, setCookies);
    }
}
