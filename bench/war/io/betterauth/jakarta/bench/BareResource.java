package io.betterauth.jakarta.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The ceiling: a JAX-RS resource on the same server, behind the same filter chain and authentication mechanism,
 * that reads no session and answers a constant JSON body.
 */
@Path("bare")
public class BareResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String bare() {
        return "{\"ok\":true}";
    }
}
