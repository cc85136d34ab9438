package io.betterauth.jakarta.api;

import io.betterauth.jakarta.api.event.SessionInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server-side API, Better Auth's {@code auth.api.*} for Java: inject it anywhere and call it with the current
 * request. Each method applies the same rules as the HTTP endpoint (a session is required, sensitive calls read
 * the store, fresh calls check {@code freshAge}) and returns a typed {@link ApiResult} whose cookies go on the
 * response with {@link #writeCookies}. Errors are {@link io.betterauth.jakarta.api.AuthException}s with Better
 * Auth's status and code.
 *
 * <pre>{@code
 * @Inject BetterAuthApi auth;
 * ApiResult<List<Session>> devices = auth.listSessions(request, GetSessionOptions.DEFAULT);
 * auth.writeCookies(devices, response);
 * }</pre>
 * Firing {@link io.betterauth.jakarta.api.event.RevokeUserSessions} does what {@link #revokeUserSessions} does.
 */
public interface BetterAuthApi {

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

    /** Adds a result's cookies to the response (call before the response is committed). */
    default void writeCookies(ApiResult<?> result, HttpServletResponse response) {
        for (String line : result.setCookies()) {
            response.addHeader("Set-Cookie", line);
        }
        if (!result.setCookies().isEmpty()) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
