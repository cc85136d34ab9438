package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.core.plugin.Exchange;
import io.betterauth.jakarta.core.plugin.jwt.JwtEndpoints;
import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import io.betterauth.jakarta.web.SessionResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * The {@code jwt} plugin's key set at its configured path ({@code better-auth.plugins.jwt.jwks-path}, default
 * {@code /jwks}), which no {@code @Path} can name at compile time: {@link AuthResource}'s sub-resource locator for
 * any path hands the GET here, after every literal endpoint path has had its chance (JAX-RS tries templates with
 * more literal characters first). Any other path, and every path while the plugin is off, is 404 as before. Not a
 * root resource (no {@code @Path}), so an application that scans the library finds nothing here.
 */
public final class JwksResource {

    private final BetterAuthRuntime.Services services;
    private final JwtEndpoints jwt;

    JwksResource(BetterAuthRuntime.Services services, JwtEndpoints jwt) {
        this.services = services;
        this.jwt = jwt;
    }

    /** The key set; the locator has checked the mount, the plugin and the path (another method: 404 by the mapper). */
    @GET
    public Response jwks(@Context HttpServletRequest request) {
        return HttpAuthResponses.of(services.plugins().respond(Exchange.endpoint(jwt.jwksPath(),
                () -> SessionResolver.cookies(request, services.plugins())), jwt.jwks()));
    }
}
