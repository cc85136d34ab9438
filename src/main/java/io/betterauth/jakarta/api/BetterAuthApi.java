package io.betterauth.jakarta.api;

import io.betterauth.jakarta.api.event.SessionInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server-side API, Better Auth's {@code auth.api.*} for Java: inject it anywhere and call it with the current
 * request. Each method applies the same rules as the HTTP endpoint (validation, a session is required, sensitive
 * calls read the store, fresh calls check {@code freshAge}) and returns a typed {@link ApiResult} whose cookies go
 * on the response with {@link #writeCookies}. As with Better Auth's server-side calls, neither the origin check
 * (callback URLs included) nor the rate limit applies: the app's own code is the caller. Errors are
 * {@link io.betterauth.jakarta.api.AuthException}s with Better Auth's status and code.
 *
 * <pre>{@code
 * @Inject BetterAuthApi auth;
 * ApiResult<List<Session>> devices = auth.listSessions(request, GetSessionOptions.DEFAULT);
 * auth.writeCookies(devices, response);
 * }</pre>
 * Firing {@link io.betterauth.jakarta.api.event.RevokeUserSessions} does what {@link #revokeUserSessions} does.
 */
public interface BetterAuthApi {

    /**
     * {@code signUpEmail}: creates the user with a password and, unless
     * {@code better-auth.email-and-password.auto-sign-in=false}, signs them in (the new session's cookies are in the
     * result; any session the request presented is kept, or revoked with {@code revoke-on-sign-in}).
     *
     * @param fields the body's other members, as the endpoint takes them: {@code image}, {@code rememberMe} and
     *               declared additional user fields
     */
    ApiResult<SignIn> signUp(HttpServletRequest request, String name, String email, String password,
                             Map<String, ?> fields);

    /** {@code signInEmail}: a new session for the user; {@code rememberMe=false} makes it end with the browser. */
    ApiResult<SignIn> signIn(HttpServletRequest request, String email, String password, boolean rememberMe);

    /** {@code signOut}: ends the request's session, if any, and clears every session cookie. */
    ApiResult<Boolean> signOut(HttpServletRequest request);

    /**
     * Signs in a user the app authenticated by its own means (OIDC, LDAP, its own {@code IdentityStore}): a Better
     * Auth session made exactly as sign-in makes it (the same row, signed cookie, cookie cache, events and secondary
     * storage), its cookies written to the response. An unknown user id is 404 {@code USER_NOT_FOUND}, and no
     * session. Checks nothing about the caller: call it only once the app has authenticated the user.
     */
    default SignIn createSession(HttpServletRequest request, HttpServletResponse response, String userId) {
        return createSession(request, response, userId, true);
    }

    /** {@link #createSession(HttpServletRequest, HttpServletResponse, String)}; {@code rememberMe=false} ends it with the browser. */
    SignIn createSession(HttpServletRequest request, HttpServletResponse response, String userId, boolean rememberMe);

    /**
     * For the app's own HTML sign-in, sign-up or sign-out form, before calling {@link #signIn} and the others: the
     * checks Better Auth's endpoint applies to a browser's POST (the origin check, its CSRF defence, with
     * {@code formCsrfMiddleware}) and to the {@code callbackURL} (a trusted origin or a safe relative path).
     * Answers the {@code callbackURL} (null when none); a failure is 403 ({@code INVALID_ORIGIN},
     * {@code MISSING_OR_NULL_ORIGIN}, {@code CROSS_SITE_NAVIGATION_LOGIN_BLOCKED}, {@code INVALID_CALLBACK_URL}).
     */
    String checkSignInForm(HttpServletRequest request, String callbackURL);

    /** {@code getSession}: the caller's session (refreshed when due), or empty. */
    ApiResult<Optional<SessionAndUser>> getSession(HttpServletRequest request, GetSessionOptions options);

    /** {@code listSessions}: the caller's live sessions; requires a fresh session. */
    ApiResult<List<Session>> listSessions(HttpServletRequest request, GetSessionOptions options);

    /** {@code revokeSession}: revokes one of the caller's sessions by token (another user's token is ignored). */
    ApiResult<Boolean> revokeSession(HttpServletRequest request, String token);

    /** {@code revokeOtherSessions}: signs out every other device of the caller. */
    ApiResult<Boolean> revokeOtherSessions(HttpServletRequest request);

    /** {@code revokeSessions}: signs the caller out everywhere, this device included. */
    ApiResult<Boolean> revokeSessions(HttpServletRequest request);

    /** {@code updateSession}: sets declared additional session fields. */
    ApiResult<Session> updateSession(HttpServletRequest request, Map<String, Object> fields);

    /** {@code changePassword}, optionally replacing every session of the user with a new one for the caller. */
    ApiResult<PasswordChange> changePassword(HttpServletRequest request, String currentPassword,
                                             String newPassword, boolean revokeOtherSessions);

    /**
     * {@code updateUser} with Better Auth's body: {@code name}, {@code image} ({@code null} clears it) and declared
     * additional user fields; an {@code email} is 400 {@code EMAIL_CAN_NOT_BE_UPDATED}. Re-sends the session cookies.
     */
    ApiResult<Boolean> updateUser(HttpServletRequest request, Map<String, ?> fields);

    /**
     * {@code deleteUser} (when {@code better-auth.user.delete-user.enabled}): with a password it must be right,
     * without one ({@code null}) the session must be fresh. Deletes the user, their accounts and sessions; clears
     * the cookies.
     */
    ApiResult<Boolean> deleteUser(HttpServletRequest request, String password);

    /**
     * For the app's administration (guard the caller with the app's authorization, e.g. {@code @RolesAllowed}):
     * the user's live sessions, ids and metadata without tokens.
     */
    List<SessionInfo> listUserSessions(String userId);

    /** For the app's administration: revokes one session of the user by its id; whether it existed. */
    boolean revokeUserSession(String userId, String sessionId, String reason);

    /**
     * Signs the user out everywhere: call it when the app disables or deletes the account, after its own password
     * reset, or from an administrator's action. Removes every session from the table and secondary storage and
     * fires {@code SessionEvent(REVOKED, reason)} for each; answers how many there were.
     */
    int revokeUserSessions(String userId, String reason);

    /**
     * For an application's own {@code HttpAuthenticationMechanism} (with {@code better-auth.mechanism.enabled=false}):
     * the request's Better Auth session, validated as the library's mechanism does it (signed cookie, expiry, cookie
     * cache, sliding refresh), once per request; the refreshed or cleared cookies are written to the response. Empty
     * without a valid session, while the session store is unreachable (logged), and for a request to the library's
     * own endpoints, which read the session themselves (as with the library's mechanism, no refresh happens twice).
     */
    Optional<SessionAndUser> validateSession(HttpServletRequest request, HttpServletResponse response);

    /**
     * The groups to hand the container for a signed-in user, as the library's mechanism does: {@code user} plus
     * what the app's {@code CallerGroups} bean answers ({@code context.notifyContainerAboutLogin(principal, groups)}).
     */
    Set<String> callerGroups(User user);

    /**
     * Better Auth's own password hash (scrypt, {@code saltHex:keyHex}), for an app's {@code PasswordHasher} that
     * keeps it for new passwords. Not bounded here: the library bounds its calls to the app's hasher.
     */
    String scryptHash(String password);

    /** Whether the password matches a Better Auth scrypt hash ({@code false} for another format). */
    boolean scryptVerify(String hash, String password);

    /**
     * Adds a result's cookies to the response, each its own {@code Set-Cookie} header in order, with
     * {@code Cache-Control: no-store} when there is one (call before the response is committed).
     */
    void writeCookies(ApiResult<?> result, HttpServletResponse response);
}
