package io.betterauth.jakarta.config.plugin;

/**
 * The {@code bearer} plugin's options.
 *
 * @param requireSignature only a signed token ({@code <token>.<signature>}, as {@code set-auth-token} carries it)
 *                         authenticates; without it a raw session token does too (Better Auth's default: false)
 */
public record BearerOptions(boolean requireSignature) {

    public static final BearerOptions DEFAULT = new BearerOptions(false);
}
