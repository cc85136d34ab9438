package io.betterauth.jakarta.web;

import io.betterauth.jakarta.api.RequireSession;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.SessionAndUser;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The servlet-side {@link RequireSession}: map it in {@code web.xml} to the paths that need a session (init
 * parameter {@code fresh=true} for a fresh one). Answers 401 {@code UNAUTHORIZED} or 403 {@code SESSION_NOT_FRESH}
 * (503 {@code SERVICE_UNAVAILABLE} while the session store is unreachable) in Better Auth's JSON shape instead of
 * calling the servlet; a browser navigating without a session goes to {@code better-auth.login-page} when one is set.
 */
public class RequireSessionFilter implements Filter {

    @Inject
    SessionResolver resolver;
    @Inject
    LoginPageRedirect loginPage;

    private boolean fresh;

    @Override
    public void init(FilterConfig config) {
        fresh = Boolean.parseBoolean(config.getInitParameter("fresh"));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        SessionState state = resolver.resolve(request);
        resolver.writeCookies(state, response);
        try {
            Optional<SessionAndUser> current = state.current();
            if (current.isEmpty()) {
                if (!state.storeUnavailable() && loginPage.sendIfBrowser(request, response)) {
                    return;
                }
                throw new AuthException(state.storeUnavailable() ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.UNAUTHORIZED);
            }
            if (fresh) {
                resolver.requireFresh(current.get());
            }
        } catch (AuthException e) {
            ServletErrorResponse.send(response, e);
            return;
        }
        chain.doFilter(req, res);
    }
}
