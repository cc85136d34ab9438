package io.betterauth.jakarta.config.option;

import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.core.security.PasswordHasher;

/**
 * Better Auth's {@code emailAndPassword} options (keys {@code better-auth.email-and-password.*}).
 *
 * @param enabled             false (Better Auth's default): sign-in answers 400 {@code EMAIL_PASSWORD_DISABLED} and
 *                            sign-up 400 {@code EMAIL_PASSWORD_SIGN_UP_DISABLED}, after validating the body
 * @param disableSignUp       sign-up answers {@code EMAIL_PASSWORD_SIGN_UP_DISABLED}
 * @param minPasswordLength   8
 * @param maxPasswordLength   128
 * @param autoSignIn          sign-up creates a session
 * @param maxConcurrentHashes ours ({@code password.max-concurrent-hashes}): scrypt derivations running at once
 *                            (32 MiB each); more wait briefly, then 503
 */
public record EmailAndPasswordOptions(boolean enabled, boolean disableSignUp, int minPasswordLength,
                                      int maxPasswordLength, boolean autoSignIn, int maxConcurrentHashes) {

    public EmailAndPasswordOptions {
        if (maxConcurrentHashes < 1) {
            throw new ConfigurationException("better-auth.email-and-password.password.max-concurrent-hashes must "
                    + "be 1 or more (unset: " + PasswordHasher.defaultConcurrency() + " here), not "
                    + maxConcurrentHashes);
        }
    }
}
