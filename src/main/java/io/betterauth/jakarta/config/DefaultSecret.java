package io.betterauth.jakarta.config;

import io.betterauth.jakarta.core.security.SecretRing;

/** The rule that keeps Better Auth's public development secret ({@link BetterAuthConfig#DEFAULT_SECRET}) to dev mode. */
final class DefaultSecret {

    private DefaultSecret() {
    }

    /**
     * Outside dev mode, Better Auth's public default secret may neither be the secret nor an entry of the ring:
     * anyone could sign a session cookie or a cookie cache with it (Better Auth refuses it in production too).
     */
    static void refuse(String secret, String secrets, SecretRing ring) {
        String fix = " Set it to a random value of at least 32 characters, for example the output of "
                + "'openssl rand -base64 32'; the default is accepted only with better-auth.dev-mode=true.";
        boolean versioned = secrets != null && !secrets.isBlank();
        for (SecretRing.Secret s : ring.all()) {
            if (versioned && BetterAuthConfig.DEFAULT_SECRET.equals(s.value())) {
                throw new ConfigurationException("You are using the default secret: version " + s.version()
                        + " of better-auth.secrets (environment BETTER_AUTH_SECRETS) is Better Auth's public "
                        + "development secret." + fix);
            }
        }
        if (BetterAuthConfig.DEFAULT_SECRET.equals(secret)) {
            throw new ConfigurationException("You are using the default secret: better-auth.secret (environment "
                    + "BETTER_AUTH_SECRET) is Better Auth's public development secret." + fix);
        }
    }
}
