package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.api.PasswordChange;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.session.SessionLookup;
import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import io.betterauth.jakarta.web.ClientAddress;
import io.betterauth.jakarta.web.RawContentTypeFilter;
import io.betterauth.jakarta.web.SessionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.ClearSiteData;
import io.betterauth.jakarta.spi.SessionCustomizer;
import jakarta.enterprise.inject.Instance;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.core.endpoint.SessionApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Better Auth's session endpoints under {@code /api/auth}: {@code get-session}, {@code sign-up/email},
 * {@code sign-in/email} and {@code sign-out}, with Better Auth 1.7.25's bodies, statuses and cookies. The logic
 * lives in {@code core}; this class only translates HTTP.
 *
 * <p>One instance serves every request, so nothing is created or injected per request (a request-scoped resource
 * cost about a sixth of a cache-path {@code get-session}'s CPU on Payara; BENCHMARKS.md). The request comes in as
 * {@code @Context} method parameters, not fields: the app's own JAX-RS application may scan this class too, and
 * field proxies would belong to whichever application injected the shared instance first.
 */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AuthResource {

    private static final List<String> JSON_ONLY = List.of(RequestBodies.JSON);
    private static final List<String> JSON_OR_FORM = List.of(RequestBodies.FORM, RequestBodies.JSON);

    @Inject
    BetterAuthRuntime runtime;
    @Inject
    Instance<SessionCustomizer> customizer;

    @GET
    @Path("get-session")
    public Response getSession(@Context HttpServletRequest request, @Context UriInfo uri,
                               @QueryParam("disableCookieCache") String disableCookieCache,
                               @QueryParam("disableRefresh") String disableRefresh) {
        return getSession(request, uri, false, disableCookieCache, disableRefresh);
    }

    @POST
    @Path("get-session")
    public Response refreshSession(@Context HttpServletRequest request, @Context UriInfo uri,
                                   @QueryParam("disableCookieCache") String disableCookieCache,
                                   @QueryParam("disableRefresh") String disableRefresh) {
        return getSession(request, uri, true, disableCookieCache, disableRefresh);
    }

    private Response getSession(HttpServletRequest request, UriInfo uri, boolean post, String disableCookieCache,
                                String disableRefresh) {
        mounted(request, uri);
        if (post) {
            try {
                origins().check(originRequest(request));
            } catch (AuthException e) {
                Response r = HttpAuthResponses.of(e);
                r.getHeaders().putSingle("Cache-Control", "no-store");
                r.getHeaders().putSingle("Pragma", "no-cache");
                return r;
            }
        }
        GetSessionOptions options = new GetSessionOptions(post, GetSessionOptions.queryBoolean(disableRefresh),
                GetSessionOptions.queryBoolean(disableCookieCache));
        Response response;
        try {
            SessionLookup lookup = runtime.services().sessions().resolve(cookies(request), options);
            BetterAuthConfig config = runtime.services().config();
            String body = lookup.toJson(config::output);
            if (lookup.current() != null && customizer.isResolvable()) {
                // Better Auth's customSession: the bean's answer is the body, whatever its shape.
                SessionAndUser visible = config.output(lookup.current());
                body = JsJson.stringify(customized(c -> c.customize(visible)));
            }
            response = HttpAuthResponses.build(200, body, lookup.setCookies(), Map.of());
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
    public Response signUp(@Context HttpServletRequest request, @Context UriInfo uri,
                           @Context HttpServletResponse response, InputStream body) {
        mounted(request, uri);
        RequestBody parsed = body(request, body, JSON_OR_FORM);
        checkSignInOrigin(request, parsed);
        AuthResult result = runtime.services().emailPassword()
                .signUp(parsed, ClientAddress.of(request, runtime.services().config()), cookies(request));
        return withRenewedHttpSession(request, response, result);
    }

    @POST
    @Path("sign-in/email")
    public Response signIn(@Context HttpServletRequest request, @Context UriInfo uri,
                           @Context HttpServletResponse response, InputStream body) {
        mounted(request, uri);
        RequestBody parsed = body(request, body, JSON_OR_FORM);
        checkSignInOrigin(request, parsed);
        AuthResult result = runtime.services().emailPassword()
                .signIn(parsed, ClientAddress.of(request, runtime.services().config()), cookies(request));
        return withRenewedHttpSession(request, response, result);
    }

    @POST
    @Path("sign-out")
    public Response signOut(@Context HttpServletRequest request, @Context UriInfo uri, InputStream body) {
        mounted(request, uri);
        body(request, body, JSON_ONLY);
        origins().check(originRequest(request));
        List<String> cleared = runtime.services().sessions().signOut(cookies(request));
        return HttpAuthResponses.build(200, "{\"success\":true}", cleared,
                ClearSiteData.headers(runtime.services().config()));
    }

    @GET
    @Path("list-sessions")
    public Response listSessions(@Context HttpServletRequest request, @Context UriInfo uri,
                                 @QueryParam("disableCookieCache") String disableCookieCache,
                                 @QueryParam("disableRefresh") String disableRefresh) {
        mounted(request, uri);
        ApiResult<List<Session>> result = api().listSessions(cookies(request), new GetSessionOptions(false,
                GetSessionOptions.queryBoolean(disableRefresh), GetSessionOptions.queryBoolean(disableCookieCache)));
        BetterAuthConfig config = runtime.services().config();
        List<Session> visible = result.value().stream().map(config::output).toList();
        List<Object> out = customizer.isResolvable()
                ? customized(c -> visible.stream()
                        .map(v -> c.customizesListSessions() ? c.customizeListEntry(v) : v.toJson()).toList())
                : visible.stream().<Object>map(Session::toJson).toList();
        return HttpAuthResponses.build(200, JsJson.stringify(out), result.setCookies(), Map.of());
    }

    @POST
    @Path("revoke-session")
    public Response revokeSession(@Context HttpServletRequest request, @Context UriInfo uri, InputStream body) {
        RequestBody parsed = stateChanging(request, uri, body);
        String token = parsed.requiredString("token");
        parsed.validate();
        return status(api().revokeSession(cookies(request), token));
    }

    @POST
    @Path("revoke-sessions")
    public Response revokeSessions(@Context HttpServletRequest request, @Context UriInfo uri, InputStream body) {
        stateChanging(request, uri, body);
        ApiResult<Boolean> result = api().revokeSessions(cookies(request));
        return HttpAuthResponses.build(200, "{\"status\":true}", result.setCookies(),
                ClearSiteData.headers(runtime.services().config()));
    }

    @POST
    @Path("revoke-other-sessions")
    public Response revokeOtherSessions(@Context HttpServletRequest request, @Context UriInfo uri, InputStream body) {
        stateChanging(request, uri, body);
        return status(api().revokeOtherSessions(cookies(request)));
    }

    @POST
    @Path("update-session")
    public Response updateSession(@Context HttpServletRequest request, @Context UriInfo uri, InputStream body) {
        RequestBody parsed = stateChanging(request, uri, body);
        Map<String, Object> fields = new LinkedHashMap<>(parsed.json());
        ApiResult<Session> result = api().updateSession(cookies(request), fields);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session", runtime.services().config().output(result.value()).toJson());
        return HttpAuthResponses.build(200, JsJson.stringify(out), result.setCookies(), Map.of());
    }

    @POST
    @Path("change-password")
    public Response changePassword(@Context HttpServletRequest request, @Context UriInfo uri, InputStream body) {
        RequestBody parsed = stateChanging(request, uri, body);
        String newPassword = parsed.requiredString("newPassword");
        String currentPassword = parsed.requiredString("currentPassword");
        Boolean revokeOthers = parsed.optionalBoolean("revokeOtherSessions");
        parsed.validate();
        ApiResult<PasswordChange> result = api().changePassword(cookies(request),
                ClientAddress.of(request, runtime.services().config()), currentPassword, newPassword,
                Boolean.TRUE.equals(revokeOthers));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", result.value().token());
        out.put("user", runtime.services().config().output(result.value().user()).toJson());
        return HttpAuthResponses.build(200, JsJson.stringify(out), result.setCookies(), Map.of());
    }

    @POST
    @Path("update-user")
    public Response updateUser(@Context HttpServletRequest request, @Context UriInfo uri, InputStream body) {
        RequestBody parsed = stateChanging(request, uri, body);
        JsonObject json = parsed.json();
        JsonValue email = json.get("email");
        if (email != null && email.getValueType() != JsonValue.ValueType.NULL
                && email.getValueType() != JsonValue.ValueType.FALSE
                && !(email instanceof JsonString s && s.getString().isEmpty())) {
            throw new AuthException(ErrorCode.EMAIL_CAN_NOT_BE_UPDATED);
        }
        String name = parsed.optionalString("name");
        Optional<String> image = null;
        if (json.containsKey("image")) {
            image = json.isNull("image") ? Optional.empty() : Optional.ofNullable(parsed.optionalString("image"));
        }
        parsed.validate();
        Map<String, Object> additional = runtime.services().config().user().additionalFields().forUpdate(json);
        return status(api().updateUser(cookies(request), name, image, additional));
    }

    @POST
    @Path("delete-user")
    public Response deleteUser(@Context HttpServletRequest request, @Context UriInfo uri, InputStream body) {
        RequestBody parsed = stateChanging(request, uri, body);
        String password = parsed.optionalString("password");
        parsed.optionalString("callbackURL");
        String token = parsed.optionalString("token");
        parsed.validate();
        ApiResult<Boolean> result = api().deleteUser(cookies(request), password, token);
        return HttpAuthResponses.build(200, "{\"success\":true,\"message\":\"User deleted\"}", result.setCookies(),
                ClearSiteData.headers(runtime.services().config()));
    }

    /**
     * T-12: a sign-in also gives the application's {@code HttpSession}, when it has one, a new id (its attributes
     * kept), so an id known before authentication is worthless after it. No session is created when there is none.
     * The container puts the new session cookie on the servlet response; Jersey replaces a header the servlet
     * response already has with the JAX-RS response's values of that name, so the library's cookies are then
     * written beside it on the servlet response rather than through JAX-RS.
     */
    private Response withRenewedHttpSession(HttpServletRequest request, HttpServletResponse response,
                                           AuthResult result) {
        if (result.status() != 200 || result.setCookies().isEmpty() || request.getSession(false) == null) {
            return HttpAuthResponses.of(result);
        }
        request.changeSessionId();
        for (String line : result.setCookies()) {
            response.addHeader("Set-Cookie", line);
        }
        response.setHeader("Cache-Control", "no-store");
        return HttpAuthResponses.of(new AuthResult(result.status(), result.json(), List.of(), result.headers()));
    }

    /**
     * Calls the app's {@link SessionCustomizer}. A {@code @Dependent} customizer is created for the call and
     * destroyed after it, as it was when this resource was request-scoped, instead of piling up in this
     * application-scoped bean; a normal-scoped one (the usual {@code @ApplicationScoped}) is left to its context —
     * destroying its handle would end the shared instance.
     */
    private <T> T customized(Function<SessionCustomizer, T> call) {
        Instance.Handle<SessionCustomizer> handle = customizer.getHandle();
        try {
            return call.apply(handle.get());
        } finally {
            if (handle.getBean().getScope() == Dependent.class) {
                handle.destroy();
            }
        }
    }

    private SessionApi api() {
        return runtime.services().api();
    }

    private OriginCheck origins() {
        return runtime.services().originCheck();
    }

    /** Body parsing (413/415/400), then the origin check (403), in Better Auth's order. */
    private RequestBody stateChanging(HttpServletRequest request, UriInfo uri, InputStream body) {
        mounted(request, uri);
        RequestBody parsed = body(request, body, JSON_ONLY);
        origins().check(originRequest(request));
        return parsed;
    }

    /**
     * The body, read within the size limit and parsed by Better Auth's rules for its {@code Content-Type} as the
     * client sent it (kept from JAX-RS by {@link RawContentTypeFilter}).
     */
    private RequestBody body(HttpServletRequest request, InputStream body, List<String> allowed) {
        String text = RequestBodies.read(request.getContentLengthLong(), body,
                runtime.services().config().advanced().maxBodySize());
        return RequestBodies.parse(RawContentTypeFilter.contentType(request), text, allowed);
    }

    private void checkSignInOrigin(HttpServletRequest request, RequestBody parsed) {
        OriginCheck.Request origin = originRequest(request);
        origins().checkSignIn(origin);
        JsonValue callback = parsed.json().get("callbackURL");
        if (callback != null && callback.getValueType() != JsonValue.ValueType.NULL) {
            if (!(callback instanceof JsonString s)) {
                throw new AuthException(400, null, "Invalid callbackURL: expected a string", List.of());
            }
            origins().checkCallbackUrl(s.getString(), origin);
        }
    }

    private static OriginCheck.Request originRequest(HttpServletRequest request) {
        int port = request.getServerPort();
        String scheme = request.getScheme();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String requestOrigin = scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return new OriginCheck.Request(request.getMethod(), request.getHeader("Cookie") != null,
                request::getHeader, requestOrigin);
    }

    private static Response status(ApiResult<Boolean> result) {
        return HttpAuthResponses.build(200, "{\"status\":true}", result.setCookies(), Map.of());
    }

    private static RequestCookies cookies(HttpServletRequest request) {
        return SessionResolver.cookies(request);
    }

    /**
     * The app's own JAX-RS application may pick these resources up by scanning; they answer only under the
     * configured base path.
     */
    private void mounted(HttpServletRequest request, UriInfo uri) {
        if (!BasePathMount.matches(uri, request, runtime.services().config().basePath())) {
            throw new NotFoundException();
        }
    }
}
