package io.betterauth.jakarta.web;

import io.betterauth.jakarta.core.cookie.ResponseCookies;
import io.betterauth.jakarta.api.CurrentSession;
import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.CookieChunks;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.plugin.Exchange;
import io.betterauth.jakarta.core.plugin.Plugins;
import io.betterauth.jakarta.core.plugin.jwt.verify.RemoteJwksVerifier;
import io.betterauth.jakarta.core.session.SessionLookup;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the session of an ordinary (non-{@code /api/auth}) request once, as Better Auth's session middleware
 * does: the signed token cookie, expiry, and the sliding refresh whose new cookie must reach the client. Holds no
 * per-request state; that lives in the request's {@link SessionState}.
 */
@ApplicationScoped
public class SessionResolver {

    private static final Logger LOG = System.getLogger(SessionResolver.class.getName());

    @Inject
    BetterAuthRuntime runtime;

    /** The request's state, resolving it on first use; the caller writes its cookies before the response commits. */
    public SessionState resolve(HttpServletRequest request) {
        return resolve(request, GetSessionOptions.DEFAULT);
    }

    /**
     * The request's state for a reader that cannot write cookies (the injectable {@link CurrentSession}). The
     * filter has normally resolved it already; if not (the response may be committed by now), the session is read
     * without a sliding refresh, so the store never moves ahead of a cookie the client will not receive (T-10).
     */
    public SessionState resolveWithoutRefresh(HttpServletRequest request) {
        return resolve(request, new GetSessionOptions(false, true, false));
    }

    /**
     * After a sign-out within this request ({@code request.logout()}): the rest of the request sees no session, not
     * even one a cookie-cache cookie it carries would still resolve ({@code CurrentSession}, {@code @RequireSession},
     * the request attributes).
     */
    void forget(HttpServletRequest request) {
        request.setAttribute(SessionState.ATTRIBUTE, new SessionState(SessionLookup.none(List.of())));
        request.removeAttribute("io.betterauth.jakarta.session");
        request.removeAttribute("io.betterauth.jakarta.user");
    }

    private SessionState resolve(HttpServletRequest request, GetSessionOptions options) {
        Object existing = request.getAttribute(SessionState.ATTRIBUTE);
        if (existing instanceof SessionState state) {
            return state;
        }
        SessionLookup lookup;
        boolean unavailable = false;
        try {
            BetterAuthRuntime.Services services = runtime.services();
            lookup = services.verifierMode() ? verified(request, services.verifier(), services.config())
                    : services.sessions().resolve(cookies(request, services.plugins()), options);
        } catch (AuthException e) {
            // A refresh that found the row gone: no session, and the dead cookies are cleared.
            lookup = SessionLookup.none(e.setCookies());
        } catch (StoreUnavailableException e) {
            LOG.log(Level.WARNING, "Session store unavailable; treating the request as anonymous: " + e.getMessage());
            lookup = SessionLookup.none(List.of());
            unavailable = true;
        }
        SessionState state = new SessionState(lookup, unavailable);
        request.setAttribute(SessionState.ATTRIBUTE, state);
        state.current().ifPresent(s -> {
            request.setAttribute("io.betterauth.jakarta.session", s.session());
            request.setAttribute("io.betterauth.jakarta.user", s.user());
        });
        return state;
    }

    /**
     * Verifier mode: the caller of the request's {@code Authorization: Bearer <JWT>}, checked on the remote key set,
     * else (with {@code session-cookie-cache}) of its {@code session_data} cookie holding Better Auth's session-cache
     * JWT; a user without a session ({@code CurrentSession.session()} is empty), and never a cookie to write.
     */
    private static SessionLookup verified(HttpServletRequest request, RemoteJwksVerifier verifier,
                                          BetterAuthConfig config) {
        java.util.Optional<User> caller = verifier.verifyAuthorization(request.getHeader("Authorization"));
        if (caller.isEmpty() && verifier.readsSessionCache()) {
            List<String> headers = Collections.list(request.getHeaders("Cookie"));
            if (!headers.isEmpty()) {
                caller = CookieChunks.read(SessionCookies.sessionDataName(config),
                        RequestCookies.parse(String.join("; ", headers))).flatMap(verifier::verifySessionCache);
            }
        }
        return new SessionLookup(caller.map(user -> new SessionAndUser(null, user)).orElse(null), List.of(), null);
    }

    /**
     * {@code @RequireSession(fresh = true)}: 403 {@code SESSION_NOT_FRESH} unless the session was created within
     * {@code freshAge}. A verifier-mode caller has no session, so nothing proves a recent sign-in: never fresh.
     */
    void requireFresh(SessionAndUser current) {
        BetterAuthRuntime.Services services = runtime.services();
        if (services.verifierMode()) {
            throw new AuthException(ErrorCode.SESSION_NOT_FRESH);
        }
        services.endpoints().guard().requireFresh(current);
    }

    /** Verifier mode's extra caller groups: the configured roles claim's values (none by default). */
    Set<String> verifiedGroups(User user) {
        BetterAuthRuntime.Services services = runtime.services();
        return services.verifierMode() ? services.verifier().groups(user) : Set.of();
    }

    /** Whether the caller comes from a bearer JWT (verifier mode): there is no session to sign out of. */
    boolean verifierMode() {
        return runtime.services().verifierMode();
    }

    /** Adds the state's {@code Set-Cookie} lines to the response, once, while it is not yet committed. */
    public void writeCookies(SessionState state, HttpServletResponse response) {
        if (state.lookup().setCookies().isEmpty() || !state.claimCookieWrite()) {
            return;
        }
        if (response.isCommitted()) {
            LOG.log(Level.WARNING, "Response already committed; session cookies could not be updated");
            return;
        }
        write(state.lookup().setCookies(), response);
    }

    /**
     * {@code Set-Cookie} lines onto a servlet response as {@link ResponseCookies} writes them, after the plugins'
     * after-hooks as on the endpoints' answers (bearer: {@code set-auth-token} on a refresh or a sign-in).
     */
    void write(List<String> lines, HttpServletResponse response) {
        BetterAuthRuntime.Services services = runtime.services();
        List<String> exposed = new java.util.ArrayList<>(response.getHeaders(Plugins.EXPOSE_HEADERS));
        AuthResult answer = services.plugins().respond(
                Exchange.application(),
                new AuthResult(200, "", lines, exposed.isEmpty() ? Map.of()
                        : Map.of(Plugins.EXPOSE_HEADERS, String.join(", ", exposed))));
        ResponseCookies.write(answer.setCookies(), ResponseCookies.Headers.of(response::addHeader, response::setHeader));
        answer.headers().forEach(response::setHeader);
    }

    /** Whether the request is for the library's own endpoints, which resolve the session themselves. */
    public boolean isAuthEndpoint(HttpServletRequest request) {
        BetterAuthRuntime.Services services = runtime.services();
        return !services.verifierMode() && services.endpoints().basePath()
                .covers(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /**
     * The request's cookies as every reader of the request sees them (endpoints, mechanism, server-side API): all
     * {@code Cookie} headers joined, then the plugins' before-hooks (a bearer token in place of the session cookie).
     */
    public static RequestCookies cookies(HttpServletRequest request, Plugins plugins) {
        List<String> headers = Collections.list(request.getHeaders("Cookie"));
        RequestCookies sent = headers.isEmpty() ? RequestCookies.empty()
                : RequestCookies.parse(String.join("; ", headers));
        return plugins.cookies(sent, request::getHeader);
    }
}
