package io.betterauth.jakarta.rest;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * JAX-RS routing errors answered as Better Auth's router answers them: an unknown path and a known path with the
 * wrong method are both 404 with an empty body (not 405).
 */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof NotAllowedException || e instanceof NotFoundException) {
            return Response.status(404).build();
        }
        return Response.status(e.getResponse().getStatus()).build();
    }
}
