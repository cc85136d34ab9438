package io.betterauth.jakarta.it.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;

/** A plain CDI bean with {@code @RolesAllowed} methods: whether the container enforces them is what is tested. */
@RequestScoped
public class RoleGuardedBean {

    @RolesAllowed("user")
    public String user() {
        return "ok";
    }

    @RolesAllowed("admin")
    public String admin() {
        return "ok";
    }
}
