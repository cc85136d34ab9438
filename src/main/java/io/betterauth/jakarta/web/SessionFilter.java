package io.betterauth.jakarta.web;

import io.betterauth.jakarta.api.CurrentSession;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Registered for every request by the library's {@code web-fragment.xml}. Makes sure the request's session is
 * resolved (the mechanism usually did already), writes refreshed or cleared cookies before the app can commit the
 * response, and exposes the session and user as request attributes {@code io.betterauth.jakarta.session} and
 * {@code io.betterauth.jakarta.user} (and through {@link CurrentSession} for CDI).
 */
public class SessionFilter implements Filter {

    @Inject
    SessionResolver resolver;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response
                && !resolver.isAuthEndpoint(request)) {
            resolver.writeCookies(resolver.resolve(request), response);
        }
        chain.doFilter(req, res);
    }
}
