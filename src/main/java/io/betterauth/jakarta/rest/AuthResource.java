package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.core.AuthException;
import io.betterauth.jakarta.core.AuthResult;
import io.betterauth.jakarta.core.GetSessionOptions;
import io.betterauth.jakarta.core.RequestBody;
import io.betterauth.jakarta.core.RequestCookies;
import io.betterauth.jakarta.core.SessionLookup;
import io.betterauth.jakarta.web.BetterAuthRuntime;
import io.betterauth.jakarta.web.ClientAddress;
import io.betterauth.jakarta.web.SessionResolver;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Better Auth's session endpoints under {@code /api/auth}: {@code get-session}, {@code sign-up/email},
 * {@code sign-in/email} and {@code sign-out}, with Better Auth 1.7.25's bodies, statuses and cookies. The logic
 * lives in {@code core}; this class only translates HTTP.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AuthResource {

    private static final List<String> JSON_ONLY = List.of(RequestBodies.JSON);
    private static final List<String> JSON_OR_FORM = List.of(RequestBodies.FORM, RequestBodies.JSON);

    @Inject
    BetterAuthRuntime runtime;
    @Context
    HttpServletRequest request;
    @Context
    UriInfo uri;

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
        mounted();
        GetSessionOptions options = new GetSessionOptions(post, GetSessionOptions.queryBoolean(disableRefresh),
                GetSessionOptions.queryBoolean(disableCookieCache));
        Response response;
        try {
            SessionLookup lookup = runtime.services().sessions().resolve(cookies(), options);
            response = HttpAuthResponses.build(200, lookup.toJson(), lookup.setCookies(), java.util.Map.of());
        } catch (AuthException e) {
            response = HttpAuthResponses.of(e);
        }
        // Better Auth sets these on every get-session answer: null, session and error alike.
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("Pragma", "no-cache");
        return response;
    }

    @POST
    @Path("sign-up/email")
    public Response signUp(String body) {
        mounted();
        RequestBody parsed = RequestBodies.parse(request.getContentType(), body, JSON_OR_FORM);
        AuthResult result = runtime.services().emailPassword()
                .signUp(parsed, ClientAddress.of(request, runtime.services().config()), cookies());
        return HttpAuthResponses.of(result);
    }

    @POST
    @Path("sign-in/email")
    public Response signIn(String body) {
        mounted();
        RequestBody parsed = RequestBodies.parse(request.getContentType(), body, JSON_OR_FORM);
        AuthResult result = runtime.services().emailPassword()
                .signIn(parsed, ClientAddress.of(request, runtime.services().config()), cookies());
        return HttpAuthResponses.of(result);
    }

    @POST
    @Path("sign-out")
    public Response signOut(String body) {
        mounted();
        RequestBodies.parse(request.getContentType(), body, JSON_ONLY);
        List<String> cleared = runtime.services().sessions().signOut(cookies());
        return HttpAuthResponses.build(200, "{\"success\":true}", cleared, java.util.Map.of());
    }

    private RequestCookies cookies() {
        return SessionResolver.cookies(request);
    }

    /**
     * The app's own JAX-RS application may pick these resources up by scanning; they answer only under the
     * configured base path.
     */
    private void mounted() {
        String base = uri.getBaseUri().getPath();
        String expected = request.getContextPath() + runtime.services().config().basePath();
        if (!base.replaceAll("/+$", "").equals(expected)) {
            throw new NotFoundException();
        }
    }
}
