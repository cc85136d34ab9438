package io.betterauth.jakarta.web;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.security.LoginPage;
import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code better-auth.login-page} for servlet requests: a browser navigating to a protected resource without a
 * session is answered 302 to the login page (see {@link LoginPage}); everyone else keeps the 401. Used by
 * {@link BetterAuthMechanism} (security constraints, {@code @ServletSecurity}), {@link RequireSessionFilter} and
 * {@link RequireSessionInterceptor}.
 */
@ApplicationScoped
public class LoginPageRedirect {

    @Inject
    BetterAuthRuntime runtime;

    /** The login page of the current configuration, built once per configuration. */
    private volatile Built built;

    private record Built(BetterAuthConfig config, Optional<LoginPage> page) {
    }

    /** Where to send this request, when a login page is configured and the request is a browser navigation. */
    public Optional<String> location(HttpServletRequest request) {
        return page().flatMap(page -> page.redirect(request.getMethod(),
                request::getHeader, request.getContextPath(), request.getRequestURI(), request.getQueryString()));
    }

    private Optional<LoginPage> page() {
        BetterAuthConfig config = runtime.services().config();
        Built b = built;
        if (b == null || b.config() != config) {
            b = new Built(config, LoginPage.of(config));
            built = b;
        }
        return b.page();
    }

    /** The 302 as an error the exception mappers answer (no body), for a caller that cannot write the response. */
    static AuthException redirect(String location) {
        return new AuthException(HttpServletResponse.SC_FOUND, null, null, List.of(),
                Map.of("Location", location, "Cache-Control", "no-store"));
    }

    /** Answers 302 to the login page (no body, not cached) when {@link #location} has one; whether it did. */
    public boolean sendIfBrowser(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> location = location(request);
        if (location.isEmpty() || response.isCommitted()) {
            return false;
        }
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location.get());
        response.setHeader("Cache-Control", "no-store");
        return true;
    }
}
