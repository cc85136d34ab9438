package io.betterauth.jakarta.config.plugin;

import io.betterauth.jakarta.config.option.OptionValue;

/** A Better Auth plugin this library speaks, named by its Better Auth {@code id}; declared in running order. */
public enum Plugin implements OptionValue {
    /** {@code bearer}: {@code Authorization: Bearer <token>} authenticates as the session cookie does. */
    BEARER("bearer"),
    /** {@code jwt}: short-lived JWTs for other services ({@code GET /token}, {@code set-auth-jwt}) and their JWKS. */
    JWT("jwt"),
    /** {@code admin}: roles, bans and impersonation; its columns on the user and session tables. */
    ADMIN("admin"),
    /** {@code multi-session}: several accounts signed in on one browser, each in a signed device cookie. */
    MULTI_SESSION("multi-session");

    private final String configValue;

    Plugin(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}

