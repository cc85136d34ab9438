package io.betterauth.jakarta.spi;

import io.betterauth.jakarta.api.User;
import java.util.Set;

/**
 * The app's roles for a signed-in user. Every caller has the role {@code user}; provide one CDI bean implementing
 * this interface and the mechanism adds the groups it answers, so {@code isCallerInRole("admin")},
 * {@code @RolesAllowed("admin")} and {@code <auth-constraint>} work with the app's own notion of an administrator
 * (looked up in its database, a directory, …). Called once per authenticated request: keep it fast, and derive
 * roles only from data the user cannot set themselves (never from an additional field declared {@code input:true}).
 */
public interface CallerGroups {

    /** The groups (role names) of this user, besides {@code user}; empty for none. */
    Set<String> groups(User user);
}
