package io.betterauth.jakarta.web;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.BetterAuthApi;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.PasswordChange;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.SignIn;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.api.event.RevokeUserSessions;
import io.betterauth.jakarta.api.event.SessionInfo;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.security.Scrypt;
import io.betterauth.jakarta.core.session.SessionLookup;
import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import io.betterauth.jakarta.spi.CallerGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link BetterAuthApi} bean: each call reads the request's cookies (and, where a session is created, its
 * client) and runs the core endpoint rules as a server-side {@link Caller}.
 */
@ApplicationScoped
class ServletBetterAuthApi implements BetterAuthApi {

    private static final Scrypt SCRYPT = new Scrypt();

    @Inject
    BetterAuthRuntime runtime;
    @Inject
    SessionResolver resolver;
    @Inject
    Instance<CallerGroups> appGroups;

    private Endpoints endpoints() {
        return runtime.services().endpoints();
    }

    private RequestCookies cookies(HttpServletRequest request) {
        return SessionResolver.cookies(request, runtime.services().plugins());
    }

    private Caller caller(HttpServletRequest request) {
        return RequestCaller.serverSide(request, runtime.services());
    }

    /**
     * A call's result with the cookies of the plugins' after-hooks for the endpoint it stands for, as Better Auth runs
     * them for {@code auth.api.*} (multi-session's device cookies; {@code set-auth-token} follows on writing).
     */
    private <T> ApiResult<T> afterHooks(String path, RequestCookies cookies, ApiResult<T> result) {
        return new ApiResult<>(result.value(),
                runtime.services().plugins().afterServerCall(path, cookies, result.setCookies()));
    }

    @Override
    public ApiResult<SignIn> signUp(HttpServletRequest request, String name, String email, String password,
                                    Map<String, ?> fields) {
        Caller caller = caller(request);
        return afterHooks("/sign-up/email", caller.cookies(), endpoints().emailPassword().signUp(name, email, password,
                fields == null ? Map.of() : fields, caller.client(), caller.cookies()));
    }

    @Override
    public ApiResult<SignIn> signIn(HttpServletRequest request, String email, String password, boolean rememberMe) {
        Caller caller = caller(request);
        return afterHooks("/sign-in/email", caller.cookies(),
                endpoints().emailPassword().signIn(email, password, rememberMe, caller.client(), caller.cookies()));
    }

    @Override
    public ApiResult<Boolean> signOut(HttpServletRequest request) {
        RequestCookies cookies = cookies(request);
        // the plugins' /sign-out hooks as on the endpoint: multi-session ends every account of the browser
        return afterHooks("/sign-out", cookies, endpoints().sessions().signOut(cookies));
    }

    @Override
    public SignIn createSession(HttpServletRequest request, HttpServletResponse response, String userId,
                                boolean rememberMe) {
        Caller caller = caller(request);
        ApiResult<SignIn> result = afterHooks("/sign-in/email", caller.cookies(),
                endpoints().emailPassword().createSession(userId, rememberMe, caller.client(), caller.cookies()));
        writeCookies(result, response);
        return result.value();
    }

    @Override
    public String checkSignInForm(HttpServletRequest request, String callbackURL) {
        endpoints().emailPassword().checkSignInForm(RequestCaller.overHttp(request, runtime.services()),
                callbackURL);
        return callbackURL;
    }

    @Override
    public ApiResult<Optional<SessionAndUser>> getSession(HttpServletRequest request, GetSessionOptions options) {
        SessionLookup lookup = runtime.services().sessions().resolve(cookies(request), options);
        return new ApiResult<>(lookup.session(), lookup.setCookies());
    }

    @Override
    public ApiResult<List<Session>> listSessions(HttpServletRequest request, GetSessionOptions options) {
        return endpoints().sessions().listSessions(cookies(request), options);
    }

    @Override
    public ApiResult<Boolean> revokeSession(HttpServletRequest request, String token) {
        return endpoints().sessions().revokeSession(cookies(request), token);
    }

    @Override
    public ApiResult<Boolean> revokeOtherSessions(HttpServletRequest request) {
        return endpoints().sessions().revokeOtherSessions(cookies(request));
    }

    @Override
    public ApiResult<Boolean> revokeSessions(HttpServletRequest request) {
        return endpoints().sessions().revokeSessions(cookies(request));
    }

    @Override
    public ApiResult<Session> updateSession(HttpServletRequest request, Map<String, Object> fields) {
        return endpoints().sessions().updateSession(cookies(request), fields);
    }

    @Override
    public ApiResult<PasswordChange> changePassword(HttpServletRequest request, String currentPassword,
                                                    String newPassword, boolean revokeOtherSessions) {
        Caller caller = caller(request);
        return endpoints().account().changePassword(caller.cookies(), caller.client(), currentPassword, newPassword,
                revokeOtherSessions);
    }

    @Override
    public ApiResult<Boolean> updateUser(HttpServletRequest request, Map<String, ?> fields) {
        return endpoints().account().updateUser(RequestBody.of(fields == null ? Map.of() : fields),
                cookies(request));
    }

    @Override
    public ApiResult<Boolean> deleteUser(HttpServletRequest request, String password) {
        return endpoints().account().deleteUser(cookies(request), password);
    }

    @Override
    public List<SessionInfo> listUserSessions(String userId) {
        return endpoints().admin().listUserSessions(userId);
    }

    @Override
    public boolean revokeUserSession(String userId, String sessionId, String reason) {
        return endpoints().admin().revokeUserSession(userId, sessionId, reason);
    }

    @Override
    public int revokeUserSessions(String userId, String reason) {
        return endpoints().admin().revokeUserSessions(userId, reason);
    }

    @Override
    public Optional<SessionAndUser> validateSession(HttpServletRequest request, HttpServletResponse response) {
        if (resolver.isAuthEndpoint(request)) {
            return Optional.empty();
        }
        SessionState state = resolver.resolve(request);
        resolver.writeCookies(state, response);
        return state.current();
    }

    @Override
    public Set<String> callerGroups(User user) {
        if (!appGroups.isResolvable()) {
            return Set.of(BetterAuthMechanism.USER_ROLE);
        }
        // A @Dependent bean got from an Instance lives as long as the Instance (this application-scoped bean):
        // without the destroy, every authenticated request would leave one behind.
        Instance.Handle<CallerGroups> handle = appGroups.getHandle();
        try {
            Set<String> groups = new HashSet<>(handle.get().groups(user));
            groups.add(BetterAuthMechanism.USER_ROLE);
            return Set.copyOf(groups);
        } finally {
            if (handle.getBean().getScope() == Dependent.class) {
                handle.destroy();
            }
        }
    }

    @Override
    public String scryptHash(String password) {
        return SCRYPT.hash(password);
    }

    @Override
    public boolean scryptVerify(String hash, String password) {
        return SCRYPT.verify(hash, password);
    }

    @Override
    public void writeCookies(ApiResult<?> result, HttpServletResponse response) {
        resolver.write(result.setCookies(), response);
    }

    /** The same as {@link #revokeUserSessions}, when the app fires {@link RevokeUserSessions} instead of calling it. */
    void onRevokeUserSessions(@Observes RevokeUserSessions event) {
        revokeUserSessions(event.userId(), event.reason());
    }
}
