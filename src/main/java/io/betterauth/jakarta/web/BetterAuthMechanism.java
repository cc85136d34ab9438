package io.betterauth.jakarta.web;

import io.betterauth.jakarta.core.SessionAndUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every request from its Better Auth session cookie and tells the container who the caller is, so
 * {@code SecurityContext}, {@code getUserPrincipal()} and {@code isCallerInRole("user")} work. A request without
 * a session passes through anonymously unless the app's own constraints protect the resource (then 401). Keeps
 * no per-request state in fields.
 */
@ApplicationScoped
public class BetterAuthMechanism implements HttpAuthenticationMechanism {

    /** The role every signed-in caller has. */
    public static final String USER_ROLE = "user";

    @Inject
    SessionResolver resolver;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (resolver.isAuthEndpoint(request)) {
            return context.doNothing();
        }
        SessionState state = resolver.resolve(request);
        resolver.writeCookies(state, response);
        Optional<SessionAndUser> current = state.current();
        if (current.isPresent()) {
            return context.notifyContainerAboutLogin(new BetterAuthPrincipal(current.get().user()), Set.of(USER_ROLE));
        }
        return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
    }
}
