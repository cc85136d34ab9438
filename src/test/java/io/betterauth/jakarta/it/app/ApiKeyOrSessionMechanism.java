package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.BetterAuthApi;
import io.betterauth.jakarta.api.BetterAuthPrincipal;
import io.betterauth.jakarta.api.SessionAndUser;
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
 * An application's own mechanism (the library's is off: {@code better-auth.mechanism.enabled=false}): an
 * {@code X-Api-Key} header for machines, else the Better Auth session, validated by the library.
 */
@ApplicationScoped
public class ApiKeyOrSessionMechanism implements HttpAuthenticationMechanism {

    static final String API_KEY = "it-api-key-0123456789";

    @Inject
    BetterAuthApi auth;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String apiKey = request.getHeader("X-Api-Key");
        if (apiKey != null) {
            return API_KEY.equals(apiKey)
                    ? context.notifyContainerAboutLogin("api-client", Set.of("user", "api"))
                    : context.responseUnauthorized();
        }
        Optional<SessionAndUser> session = auth.validateSession(request, response);
        if (session.isPresent()) {
            return context.notifyContainerAboutLogin(new BetterAuthPrincipal(session.get().user()),
                    auth.callerGroups(session.get().user()));
        }
        return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
    }
}
