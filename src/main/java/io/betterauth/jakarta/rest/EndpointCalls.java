package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.plugin.Exchange;
import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import io.betterauth.jakarta.web.EndpointRequest;
import io.betterauth.jakarta.web.RawContentTypeFilter;
import io.betterauth.jakarta.web.RequestCaller;
import io.betterauth.jakarta.web.SessionResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/**
 * How a resource method of the endpoints becomes a response, shared by {@link AuthResource} and the plugins'
 * resources ({@link AdminResource}): the mount check (404), the body read and parsed, the caller, the endpoint's
 * answer after the plugins' after-hooks. Plain and per call: the resources are application-scoped and hold only the
 * runtime.
 */
final class EndpointCalls {

    static final List<String> JSON_ONLY = List.of(RequestBodies.JSON);

    /** One endpoint of {@code core.endpoint}: the request's body and caller in, its answer out. */
    @FunctionalInterface
    interface Endpoint {
        AuthResult answer(Endpoints endpoints, RequestBody body, Caller caller);
    }

    private final BetterAuthRuntime runtime;

    EndpointCalls(BetterAuthRuntime runtime) {
        this.runtime = runtime;
    }

    /** A POST endpoint at {@code path} (below the base path) that takes JSON only. */
    Response post(String path, HttpServletRequest request, InputStream body, Endpoint endpoint) {
        return respond(path, request, answer(request, body, JSON_ONLY, schemaOf(path), endpoint));
    }

    /** The kind of body schema Better Auth declares for the endpoint at {@code path} (the wording of its 400s). */
    static RequestBodies.BodySchema schemaOf(String path) {
        return switch (path) {
            case "/sign-up/email" -> RequestBodies.BodySchema.OBJECT_AND_RECORD;
            case "/update-user", "/update-session" -> RequestBodies.BodySchema.RECORD;
            case "/revoke-sessions", "/revoke-other-sessions", "/admin/stop-impersonating" ->
                    RequestBodies.BodySchema.NONE;
            default -> RequestBodies.BodySchema.OBJECT;
        };
    }

    /** The answer of the endpoint at {@code path} as a response, after the plugins' after-hooks. */
    Response respond(String path, HttpServletRequest request, AuthResult result) {
        return HttpAuthResponses.of(afterHooks(path, request, result));
    }

    AuthResult afterHooks(String path, HttpServletRequest request, AuthResult result) {
        BetterAuthRuntime.Services services = runtime.services();
        return services.plugins().respond(Exchange.endpoint(path,
                () -> SessionResolver.cookies(request, services.plugins())), result);
    }

    /**
     * The mount check (404), the body read and parsed (413, 415, 400; before the origin check's 403, in Better
     * Auth's order), then the endpoint.
     */
    AuthResult answer(HttpServletRequest request, InputStream body, List<String> allowed,
                      RequestBodies.BodySchema schema, Endpoint endpoint) {
        Endpoints endpoints = mounted();
        return endpoint.answer(endpoints, body(request, body, allowed, schema), caller(request));
    }

    Caller caller(HttpServletRequest request) {
        return RequestCaller.overHttp(request, runtime.services());
    }

    /**
     * The body, read within the size limit and parsed by Better Auth's rules for its {@code Content-Type} as the
     * client sent it (kept from JAX-RS by {@link RawContentTypeFilter}).
     */
    private RequestBody body(HttpServletRequest request, InputStream body, List<String> allowed,
                             RequestBodies.BodySchema schema) {
        String text = RequestBodies.read(request.getContentLengthLong(), body,
                runtime.services().config().advanced().maxBodySize());
        return RequestBodies.parse(RawContentTypeFilter.contentType(request), text, allowed, schema);
    }

    /**
     * The endpoints, when the request came through their own application below the base path
     * ({@link EndpointRequest#at}: the library's base-path filter is passing it on to the servlet mapped there); 404
     * otherwise (the app's own JAX-RS application may pick these resources up by scanning, and serves them
     * elsewhere).
     */
    Endpoints mounted() {
        if (runtime.services().verifierMode()) {
            throw new NotFoundException(); // verifier mode has no endpoints, even where the app's JAX-RS scans these
        }
        Endpoints endpoints = runtime.services().endpoints();
        if (EndpointRequest.at(endpoints.basePath()).isEmpty()) {
            throw new NotFoundException();
        }
        return endpoints;
    }
}
