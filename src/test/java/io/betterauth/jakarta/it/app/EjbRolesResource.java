package io.betterauth.jakarta.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code @RolesAllowed} on an EJB, called from a resource (not deployed on Tomcat, which has no EJB). */
@Path("ejb-roles")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class EjbRolesResource {

    @Inject
    RoleGuardedEjb ejb;

    @GET
    @Path("user")
    public String user() {
        return RolesResource.call(ejb::user);
    }

    @GET
    @Path("admin")
    public String admin() {
        return RolesResource.call(ejb::admin);
    }
}
