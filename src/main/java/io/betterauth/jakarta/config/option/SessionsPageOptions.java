package io.betterauth.jakarta.config.option;

/**
 * Ours: the library's "active sessions" page (keys {@code better-auth.sessions-page.*}; not in Better Auth).
 *
 * @param enabled the page is served (default false: an explicit choice of the application)
 * @param path    where it answers, relative to the application's context path ({@code /better-auth/sessions})
 */
public record SessionsPageOptions(boolean enabled, String path) {
}
