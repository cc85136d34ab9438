package io.betterauth.jakarta.web;

import io.betterauth.jakarta.core.cookie.ResponseCookies;
import io.betterauth.jakarta.api.BetterAuthApi;
import io.betterauth.jakarta.api.BetterAuthPrincipal;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.CallerGroups;
import java.io.IOException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Authenticates every request from its Better Auth session cookie and tells the container who the caller is, so
 * {@code SecurityContext}, {@code getUserPrincipal()} and {@code isCallerInRole("user")} work. A request without
 * a session passes through anonymously unless the app's own constraints protect the resource (then 401, or 503
 * {@code SERVICE_UNAVAILABLE} when the session store could not be reached). Every caller has the role
 * {@code user}, plus the groups of the app's {@link CallerGroups} bean. A browser navigating to a protected page
 * is sent to {@code better-auth.login-page} instead when one is set ({@link LoginPageRedirect});
 * {@code request.logout()} signs out. In verifier mode ({@code better-auth.plugins.jwt.remote-jwks-url}) the
 * caller is the request's {@code Authorization: Bearer} JWT instead ({@link SessionResolver}). Keeps no per-request
 * state in fields (checklist T-42; Soteria CVE-2020-1732).
 */
@ApplicationScoped
public class BetterAuthMechanism implements HttpAuthenticationMechanism {

    /** The role every signed-in caller has. */
    public static final String USER_ROLE = "user";
    private static final System.Logger LOG = System.getLogger(BetterAuthMechanism.class.getName());
    /** The misconfiguration is logged once per application, however often it is hit. */
    private static final AtomicBoolean CONSTRAINT_WARNED = new AtomicBoolean();

    @Inject
    SessionResolver resolver;
    @Inject
    LoginPageRedirect loginPage;
    @Inject
    BetterAuthApi api;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (resolver.isAuthEndpoint(request)) {
            return context.isProtected() ? constrainedAuthEndpoint(request, context) : context.doNothing();
        }
        SessionState state = resolver.resolve(request);
        resolver.writeCookies(state, response);
        Optional<SessionAndUser> current = state.current();
        if (current.isPresent()) {
            return context.notifyContainerAboutLogin(new BetterAuthPrincipal(current.get().user()),
                    groups(current.get().user()));
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (state.storeUnavailable()) {
            return unavailable(response);
        }
        if (!context.isAuthenticationRequest() && loginPage.sendIfBrowser(request, response)) {
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.responseUnauthorized();
    }

    /**
     * {@code HttpServletRequest.logout()}: ends the Better Auth session as sign-out does (the session is revoked in
     * the store and every session cookie cleared), then the container forgets the caller.
     */
    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            if (!resolver.verifierMode()) { // a bearer JWT has no session to end; it expires on its own
                api.writeCookies(api.signOut(request), response);
            }
        } finally {
            resolver.forget(request);
            HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
        }
    }

    /** The app's {@code CallerGroups} and {@code user}, plus in verifier mode the configured roles claim's values. */
    private Set<String> groups(User user) {
        Set<String> extra = resolver.verifiedGroups(user);
        if (extra.isEmpty()) {
            return api.callerGroups(user);
        }
        Set<String> all = new HashSet<>(api.callerGroups(user));
        all.addAll(extra);
        return all;
    }

    /**
     * An auth endpoint under the app's security constraint (e.g. on {@code /*}): nobody could sign in, and the
     * containers answer a bare 200 or 403 for it, so it is a 401, with a warning naming the fix logged once (README,
     * *An application with security of its own*).
     */
    private static AuthenticationStatus constrainedAuthEndpoint(HttpServletRequest request, HttpMessageContext context) {
        if (CONSTRAINT_WARNED.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "A security constraint covers " + request.getRequestURI() + ": "
                    + "Better Auth's endpoints must be reachable without a caller; exclude the base path with a "
                    + "<security-constraint> that has no <auth-constraint>");
        }
        return context.responseUnauthorized();
    }

    /**
     * A protected resource while the session store is unreachable: 503 in Better Auth's shape rather than 401, so
     * clients retry instead of sending the user to sign in again; no cookie is touched.
     */
    private static AuthenticationStatus unavailable(HttpServletResponse response) {
        try {
            ResponseCookies.noStore(ResponseCookies.Headers.of(response::addHeader, response::setHeader));
            ServletErrorResponse.send(response, new AuthException(ErrorCode.SERVICE_UNAVAILABLE));
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing else to send
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
