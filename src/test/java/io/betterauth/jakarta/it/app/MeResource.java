package io.betterauth.jakarta.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.security.Principal;

/** An app resource that asks the container who the caller is. */
@Path("me")
@RequestScoped
public class MeResource {

    @Inject
    SecurityContext securityContext;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String me() {
        Principal p = securityContext.getCallerPrincipal();
        return p == null ? "anonymous" : p.getName() + (securityContext.isCallerInRole("user") ? " (user)" : "");
    }
}
