package io.betterauth.jakarta.it.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;

/** An EJB with {@code @RolesAllowed} methods (Payara, WildFly; Tomcat has no EJB container). */
@Stateless
@DeclareRoles({"user", "admin"})
public class RoleGuardedEjb {

    @RolesAllowed("user")
    public String user() {
        return "ok";
    }

    @RolesAllowed("admin")
    public String admin() {
        return "ok";
    }
}
