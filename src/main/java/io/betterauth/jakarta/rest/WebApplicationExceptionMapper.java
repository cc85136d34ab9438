package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.core.security.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * JAX-RS routing errors answered as Better Auth's router answers them: an unknown path and a known path with the
 * wrong method are both 404 with an empty body (not 405). Such requests are rate-limited together in one bucket per
 * address ({@link RateLimiter#UNMATCHED}), so distinct unknown paths create no buckets of their own.
 */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpServletRequest request;

    private final RateLimitGate gate = new RateLimitGate();

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof NotAllowedException || e instanceof NotFoundException) {
            return gate.check(request, RateLimiter.UNMATCHED).orElseGet(() -> Response.status(404).build());
        }
        return Response.status(e.getResponse().getStatus()).build();
    }
}
