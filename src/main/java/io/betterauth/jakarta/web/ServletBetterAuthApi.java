package io.betterauth.jakarta.web;

import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.BetterAuthApi;
import io.betterauth.jakarta.api.PasswordChange;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.core.endpoint.SessionApi;
import io.betterauth.jakarta.core.session.SessionLookup;
import io.betterauth.jakarta.api.event.RevokeUserSessions;
import io.betterauth.jakarta.api.event.SessionInfo;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link BetterAuthApi} bean: each call resolves the request's cookies and runs the core endpoint rules. */
@ApplicationScoped
class ServletBetterAuthApi implements BetterAuthApi {

    @Inject
    BetterAuthRuntime runtime;

    private SessionApi api() {
        return runtime.services().api();
    }

    /** {@code getSession}: the caller's session (refreshed when due), or empty. */
    @Override
    public ApiResult<Optional<SessionAndUser>> getSession(HttpServletRequest request, GetSessionOptions options) {
        SessionLookup lookup = runtime.services().sessions().resolve(SessionResolver.cookies(request), options);
        return new ApiResult<>(lookup.session(), lookup.setCookies());
    }

    /** {@code listSessions}: the caller's live sessions; requires a fresh session. */
    @Override
    public ApiResult<List<Session>> listSessions(HttpServletRequest request, GetSessionOptions options) {
        return api().listSessions(SessionResolver.cookies(request), options);
    }

    /** {@code revokeSession}: revokes one of the caller's sessions by token (another user's token is ignored). */
    @Override
    public ApiResult<Boolean> revokeSession(HttpServletRequest request, String token) {
        return api().revokeSession(SessionResolver.cookies(request), token);
    }

    /** {@code revokeOtherSessions}: signs out every other device of the caller. */
    @Override
    public ApiResult<Boolean> revokeOtherSessions(HttpServletRequest request) {
        return api().revokeOtherSessions(SessionResolver.cookies(request));
    }

    /** {@code revokeSessions}: signs the caller out everywhere, this device included. */
    @Override
    public ApiResult<Boolean> revokeSessions(HttpServletRequest request) {
        return api().revokeSessions(SessionResolver.cookies(request));
    }

    /** {@code updateSession}: sets declared additional session fields. */
    @Override
    public ApiResult<Session> updateSession(HttpServletRequest request, Map<String, Object> fields) {
        return api().updateSession(SessionResolver.cookies(request), fields);
    }

    /** {@code changePassword}, optionally replacing every session of the user with a new one for the caller. */
    @Override
    public ApiResult<PasswordChange> changePassword(HttpServletRequest request, String currentPassword,
                                                               String newPassword, boolean revokeOtherSessions) {
        return api().changePassword(SessionResolver.cookies(request),
                ClientAddress.of(request, runtime.services().config()), currentPassword, newPassword,
                revokeOtherSessions);
    }

    /**
     * For the app's administration (guard the caller with the app's authorization, e.g. {@code @RolesAllowed}):
     * the user's live sessions, ids and metadata without tokens.
     */
    @Override
    public List<SessionInfo> listUserSessions(String userId) {
        return api().listUserSessions(userId);
    }

    /** For the app's administration: revokes one session of the user by its id; whether it existed. */
    @Override
    public boolean revokeUserSession(String userId, String sessionId, String reason) {
        return api().revokeUserSession(userId, sessionId, reason);
    }

    /**
     * Signs the user out everywhere: call it when the app disables or deletes the account, after its own password
     * reset, or from an administrator's action. Removes every session from the table and secondary storage and
     * fires {@code SessionEvent(REVOKED, reason)} for each; answers how many there were.
     */
    @Override
    public int revokeUserSessions(String userId, String reason) {
        return api().revokeUserSessions(userId, reason);
    }

    /** The same, when the app fires {@link RevokeUserSessions} instead of calling the method. */
    void onRevokeUserSessions(@Observes RevokeUserSessions event) {
        revokeUserSessions(event.userId(), event.reason());
    }

}
