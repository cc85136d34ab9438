package io.betterauth.jakarta.it.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Supplier;

/**
 * The role checks an application makes, each answering what happened: {@code @RolesAllowed} on this resource's
 * methods, on a plain CDI bean's, and the programmatic checks of Jakarta Security, Servlet and JAX-RS.
 */
@Path("roles")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class RolesResource {

    @Inject
    RoleGuardedBean bean;
    @Inject
    SecurityContext security;
    @Context
    HttpServletRequest request;
    @Context
    jakarta.ws.rs.core.SecurityContext rest;

    @GET
    @Path("jaxrs-user")
    @RolesAllowed("user")
    public String jaxrsUser() {
        return "ok";
    }

    @GET
    @Path("jaxrs-admin")
    @RolesAllowed("admin")
    public String jaxrsAdmin() {
        return "ok";
    }

    @GET
    @Path("cdi-user")
    public String cdiUser() {
        return call(bean::user);
    }

    @GET
    @Path("cdi-admin")
    public String cdiAdmin() {
        return call(bean::admin);
    }

    @GET
    @Path("checks")
    public String checks() {
        return "security:" + security.isCallerInRole("user") + "," + security.isCallerInRole("admin")
                + " servlet:" + request.isUserInRole("user") + "," + request.isUserInRole("admin")
                + " rest:" + rest.isUserInRole("user") + "," + rest.isUserInRole("admin");
    }

    /** {@code ok}, or {@code denied} with the exception's type when the container refused the call. */
    static String call(Supplier<String> method) {
        try {
            return method.get();
        } catch (RuntimeException e) {
            return "denied " + e.getClass().getSimpleName();
        }
    }
}
