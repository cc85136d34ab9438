package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.core.cookie.ResponseCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.endpoint.SessionEndpoints;
import io.betterauth.jakarta.core.plugin.jwt.JwtEndpoints;
import io.betterauth.jakarta.core.plugin.multisession.MultiSessionEndpoints;
import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import io.betterauth.jakarta.jsonb.ApplicationValues;
import io.betterauth.jakarta.spi.SessionCustomizer;
import io.betterauth.jakarta.web.EndpointRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

/**
 * Better Auth's endpoints under {@code /api/auth} over JAX-RS. Only HTTP happens here: the request is read (mount,
 * body, cookies, origin facts), the endpoint rules in {@code core.endpoint} answer, and their {@link AuthResult}
 * becomes the response; what an endpoint answers and when it refuses is written there.
 *
 * <p>One instance serves every request, so nothing is created or injected per request (a request-scoped resource
 * cost about a sixth of a cache-path {@code get-session}'s CPU on Payara; BENCHMARKS.md). The request comes in as
 * {@code @Context} method parameters, not fields: the app's own JAX-RS application may scan this class too, and
 * field proxies would belong to whichever application injected the shared instance first; {@code get-session}, the
 * hottest endpoint, reads it from {@link EndpointRequest} instead. Every endpoint answers only below the base path,
 * where the library's filter passes the request on ({@link EndpointCalls#mounted}).
 */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AuthResource {

    private static final List<String> JSON_OR_FORM = List.of(RequestBodies.FORM, RequestBodies.JSON);

    @Inject
    BetterAuthRuntime runtime;
    @Inject
    Instance<SessionCustomizer> customizer;

    /**
     * {@code GET /get-session}, the hottest endpoint: the servlet request comes from {@link EndpointRequest}, not a
     * {@code @Context} parameter, which Jersey resolves through HK2 on every call (8 % of a cached get-session's CPU).
     */
    @GET
    @Path("get-session")
    public Response getSession(@QueryParam("disableCookieCache") String disableCookieCache,
                               @QueryParam("disableRefresh") String disableRefresh) {
        return getSession(false, disableCookieCache, disableRefresh);
    }

    @POST
    @Path("get-session")
    public Response refreshSession(@QueryParam("disableCookieCache") String disableCookieCache,
                                   @QueryParam("disableRefresh") String disableRefresh) {
        return getSession(true, disableCookieCache, disableRefresh);
    }

    private Response getSession(boolean post, String disableCookieCache, String disableRefresh) {
        EndpointCalls calls = calls();
        Endpoints endpoints = calls.mounted();
        HttpServletRequest request = EndpointRequest.at(endpoints.basePath()).orElseThrow(NotFoundException::new);
        return calls.respond("/get-session", request, endpoints.sessions().getSession(calls.caller(request),
                query(post, disableCookieCache, disableRefresh), new AppCustomizer()));
    }

    @POST
    @Path("sign-up/email")
    public Response signUp(@Context HttpServletRequest request,
                           @Context HttpServletResponse response, InputStream body) {
        return withRenewedHttpSession(request, response, "/sign-up/email", answer(request, body, JSON_OR_FORM,
                EndpointCalls.schemaOf("/sign-up/email"), (e, parsed, caller) -> e.emailPassword().signUp(parsed, caller)));
    }

    @POST
    @Path("sign-in/email")
    public Response signIn(@Context HttpServletRequest request,
                           @Context HttpServletResponse response, InputStream body) {
        return withRenewedHttpSession(request, response, "/sign-in/email", answer(request, body, JSON_OR_FORM,
                EndpointCalls.schemaOf("/sign-in/email"), (e, parsed, caller) -> e.emailPassword().signIn(parsed, caller)));
    }

    @POST
    @Path("sign-out")
    public Response signOut(@Context HttpServletRequest request, InputStream body) {
        return post("/sign-out", request, body, (e, parsed, caller) -> e.sessions().signOut(caller));
    }

    @GET
    @Path("list-sessions")
    public Response listSessions(@Context HttpServletRequest request,
                                 @QueryParam("disableCookieCache") String disableCookieCache,
                                 @QueryParam("disableRefresh") String disableRefresh) {
        Endpoints endpoints = mounted();
        return respond("/list-sessions", request, endpoints.sessions().listSessions(caller(request),
                query(false, disableCookieCache, disableRefresh), new AppCustomizer()));
    }

    @POST
    @Path("revoke-session")
    public Response revokeSession(@Context HttpServletRequest request, InputStream body) {
        return post("/revoke-session", request, body,
                (e, parsed, caller) -> e.sessions().revokeSession(parsed, caller));
    }

    @POST
    @Path("revoke-sessions")
    public Response revokeSessions(@Context HttpServletRequest request, InputStream body) {
        return post("/revoke-sessions", request, body, (e, parsed, caller) -> e.sessions().revokeSessions(caller));
    }

    @POST
    @Path("revoke-other-sessions")
    public Response revokeOtherSessions(@Context HttpServletRequest request, InputStream body) {
        return post("/revoke-other-sessions", request, body,
                (e, parsed, caller) -> e.sessions().revokeOtherSessions(caller));
    }

    @POST
    @Path("update-session")
    public Response updateSession(@Context HttpServletRequest request, InputStream body) {
        return post("/update-session", request, body,
                (e, parsed, caller) -> e.sessions().updateSession(parsed, caller));
    }

    @POST
    @Path("change-password")
    public Response changePassword(@Context HttpServletRequest request, InputStream body) {
        return post("/change-password", request, body,
                (e, parsed, caller) -> e.account().changePassword(parsed, caller));
    }

    @POST
    @Path("update-user")
    public Response updateUser(@Context HttpServletRequest request, InputStream body) {
        return post("/update-user", request, body, (e, parsed, caller) -> e.account().updateUser(parsed, caller));
    }

    @POST
    @Path("delete-user")
    public Response deleteUser(@Context HttpServletRequest request, InputStream body) {
        return post("/delete-user", request, body, (e, parsed, caller) -> e.account().deleteUser(parsed, caller));
    }

    @GET
    @Path("multi-session/list-device-sessions")
    public Response listDeviceSessions(@Context HttpServletRequest request) {
        MultiSessionEndpoints plugin = multiSession();
        mounted();
        return respond("/multi-session/list-device-sessions", request, plugin.listDeviceSessions(caller(request)));
    }

    @POST
    @Path("multi-session/set-active")
    public Response setActiveSession(@Context HttpServletRequest request, InputStream body) {
        MultiSessionEndpoints plugin = multiSession();
        return post("/multi-session/set-active", request, body,
                (e, parsed, caller) -> plugin.setActive(parsed, caller));
    }

    @POST
    @Path("multi-session/revoke")
    public Response revokeDeviceSession(@Context HttpServletRequest request, InputStream body) {
        MultiSessionEndpoints plugin = multiSession();
        return post("/multi-session/revoke", request, body, (e, parsed, caller) -> plugin.revoke(parsed, caller));
    }

    @GET
    @Path("token")
    public Response token(@Context HttpServletRequest request) {
        mounted();
        JwtEndpoints plugin = runtime.services().plugins().jwt().orElseThrow(NotFoundException::new);
        return respond("/token", request, plugin.token(caller(request)));
    }

    /**
     * Any other path: the jwt plugin's key set when it is the configured {@code jwks-path} ({@link JwksResource});
     * else 404 for every method, decided here before any method is matched, so that an unknown path is never a 405
     * (also where the app's own JAX-RS application scans this class). Literal paths above always match first.
     */
    @Path("{path: .+}")
    public JwksResource jwks(@PathParam("path") String path, @Context HttpServletRequest request) {
        mounted();
        BetterAuthRuntime.Services services = runtime.services();
        JwtEndpoints jwt = services.plugins().jwt().filter(j -> j.jwksPath().equals("/" + path))
                .orElseThrow(NotFoundException::new);
        return new JwksResource(services, jwt);
    }

    /** The multi-session plugin's endpoints; without the plugin they do not exist (404, as an unknown path). */
    private MultiSessionEndpoints multiSession() {
        BetterAuthRuntime.Services services = runtime.services();
        if (services.verifierMode()) {
            throw new NotFoundException();
        }
        return services.plugins().multiSession().orElseThrow(NotFoundException::new);
    }

    /** A POST endpoint at {@code path} (below the base path) that takes JSON only. */
    private Response post(String path, HttpServletRequest request, InputStream body,
                          EndpointCalls.Endpoint endpoint) {
        return calls().post(path, request, body, endpoint);
    }

    private Response respond(String path, HttpServletRequest request, AuthResult result) {
        return calls().respond(path, request, result);
    }

    private AuthResult answer(HttpServletRequest request, InputStream body, List<String> allowed,
                              RequestBodies.BodySchema schema, EndpointCalls.Endpoint endpoint) {
        return calls().answer(request, body, allowed, schema, endpoint);
    }

    private EndpointCalls calls() {
        return new EndpointCalls(runtime);
    }

    /**
     * T-12: a sign-in also gives the application's {@code HttpSession}, when it has one, a new id (its attributes
     * kept), so an id known before authentication is worthless after it. No session is created when there is none.
     * The container puts the new session cookie on the servlet response; Jersey replaces a header the servlet
     * response already has with the JAX-RS response's values of that name, so the library's cookies are then
     * written beside it on the servlet response rather than through JAX-RS.
     */
    private Response withRenewedHttpSession(HttpServletRequest request, HttpServletResponse response, String path,
                                            AuthResult answer) {
        AuthResult result = calls().afterHooks(path, request, answer);
        if (result.status() != 200 || result.setCookies().isEmpty() || request.getSession(false) == null) {
            return HttpAuthResponses.of(result);
        }
        request.changeSessionId();
        ResponseCookies.write(result.setCookies(),
                ResponseCookies.Headers.of(response::addHeader, response::setHeader));
        return HttpAuthResponses.of(result.withoutCookies());
    }

    /**
     * The app's {@link SessionCustomizer}. A {@code @Dependent} customizer is created for the call and destroyed
     * after it, as it was when this resource was request-scoped, instead of piling up in this application-scoped
     * bean; a normal-scoped one (the usual {@code @ApplicationScoped}) is left to its context — destroying its
     * handle would end the shared instance.
     */
    private final class AppCustomizer implements SessionEndpoints.Customizer {

        @Override
        public boolean present() {
            return customizer.isResolvable();
        }

        @Override
        public <T> T apply(Function<SessionCustomizer, T> call) {
            Instance.Handle<SessionCustomizer> handle = customizer.getHandle();
            try {
                // A record or POJO in the answer goes through JSON-B; plain maps and lists are left as they are.
                @SuppressWarnings("unchecked")
                T plain = (T) ApplicationValues.plain(call.apply(handle.get()));
                return plain;
            } finally {
                if (handle.getBean().getScope() == Dependent.class) {
                    handle.destroy();
                }
            }
        }
    }

    private Caller caller(HttpServletRequest request) {
        return calls().caller(request);
    }

    private static GetSessionOptions query(boolean post, String disableCookieCache, String disableRefresh) {
        return new GetSessionOptions(post, GetSessionOptions.queryBoolean(disableRefresh),
                GetSessionOptions.queryBoolean(disableCookieCache));
    }

    private Endpoints mounted() {
        return calls().mounted();
    }
}
