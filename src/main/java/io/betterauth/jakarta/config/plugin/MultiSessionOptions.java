package io.betterauth.jakarta.config.plugin;

/**
 * The {@code multi-session} plugin's options.
 *
 * @param maximumSessions how many device cookies one browser keeps (Better Auth's default 5); a sign-in beyond them
 *                        still creates its session and makes it active, but it gets no device cookie
 */
public record MultiSessionOptions(int maximumSessions) {

    public static final MultiSessionOptions DEFAULT = new MultiSessionOptions(5);
}
