package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.core.plugin.Exchange;
import io.betterauth.jakarta.core.plugin.jwt.JwtEndpoints;
import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import io.betterauth.jakarta.web.SessionResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The {@code jwt} plugin's key set at its configured path ({@code better-auth.plugins.jwt.jwks-path}, default
 * {@code /jwks}), which no {@code @Path} can name at compile time: {@link AuthResource}'s sub-resource locator for
 * any path hands the GET here, after every literal endpoint path has had its chance (JAX-RS tries templates with
 * more literal characters first). Any other path, and every path while the plugin is off, is 404 as before. Not a
 * root resource (no {@code @Path}), so an application that scans the library finds nothing here.
 */
public final class JwksResource {

    private final BetterAuthRuntime runtime;
    private final String path;

    JwksResource(BetterAuthRuntime runtime, String path) {
        this.runtime = runtime;
        this.path = path;
    }

    @GET
    public Response jwks(@Context HttpServletRequest request, @Context UriInfo uri) {
        BetterAuthRuntime.Services services = runtime.services();
        if (services.verifierMode() || !services.endpoints().basePath().isMount(request.getContextPath(), uri.getBaseUri().getPath())) {
            throw new NotFoundException();
        }
        JwtEndpoints jwt = services.plugins().jwt().filter(j -> j.jwksPath().equals("/" + path))
                .orElseThrow(NotFoundException::new);
        return HttpAuthResponses.of(services.plugins().respond(Exchange.endpoint(jwt.jwksPath(),
                () -> SessionResolver.cookies(request, services.plugins())), jwt.jwks()));
    }
}
