package io.betterauth.jakarta.api;

import jakarta.security.enterprise.CallerPrincipal;

/**
 * The caller the container sees for a request with a valid session: its name is the Better Auth user id (stable,
 * unlike an email); the user's email and display name are available too.
 */
public class BetterAuthPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;
    private final String email;
    private final String displayName;

    public BetterAuthPrincipal(User user) {
        super(user.id());
        this.email = user.email();
        this.displayName = user.name();
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }
}
