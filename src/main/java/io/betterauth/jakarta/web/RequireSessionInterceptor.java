package io.betterauth.jakarta.web;

import io.betterauth.jakarta.api.RequireSession;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.SessionAndUser;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Enforces {@link RequireSession} with the request's already resolved session (no second lookup). Errors are
 * {@link AuthException}s, which the library's exception mapper answers in Better Auth's JSON shape; a browser
 * navigating without a session gets a 302 to {@code better-auth.login-page} when one is set (through the same mapper).
 */
@RequireSession
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class RequireSessionInterceptor {

    @Inject
    HttpServletRequest request;
    @Inject
    SessionResolver resolver;
    @Inject
    LoginPageRedirect loginPage;

    @AroundInvoke
    public Object check(InvocationContext call) throws Exception {
        RequireSession rule = call.getMethod().getAnnotation(RequireSession.class);
        if (rule == null) {
            rule = call.getMethod().getDeclaringClass().getAnnotation(RequireSession.class);
        }
        if (rule == null) {
            rule = call.getTarget().getClass().getAnnotation(RequireSession.class);
        }
        SessionState state = resolver.resolve(request);
        SessionAndUser current = state.current().orElseThrow(() -> state.storeUnavailable()
                ? new AuthException(ErrorCode.SERVICE_UNAVAILABLE)
                : loginPage.location(request).map(LoginPageRedirect::redirect)
                        .orElseGet(() -> new AuthException(ErrorCode.UNAUTHORIZED)));
        if (rule != null && rule.fresh()) {
            resolver.requireFresh(current);
        }
        return call.proceed();
    }
}
