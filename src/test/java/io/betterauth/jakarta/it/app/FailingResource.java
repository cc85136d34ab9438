package io.betterauth.jakarta.it.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * An app resource whose errors are the app's own: the test app's scanning JAX-RS application must answer them as
 * the JAX-RS runtime does, never in Better Auth's shape.
 */
@Path("failing")
public class FailingResource {

    /** GET only: a POST is the runtime's 405 (the library's routing mapper would answer 404). */
    @GET
    @Path("teapot")
    public String teapot() {
        throw new WebApplicationException(Response.status(418).entity("the app's teapot").type("text/plain").build());
    }

    @GET
    @Path("bug")
    public String bug() {
        throw new IllegalStateException("the app's own bug");
    }
}
