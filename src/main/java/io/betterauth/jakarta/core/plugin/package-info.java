/**
 * Better Auth's plugins as the request passes them: {@link io.betterauth.jakarta.core.plugin.Plugins} holds the
 * plugins switched on ({@code better-auth.plugins}), runs their before-hooks on the request's cookies (what every
 * endpoint, the mechanism and the server-side API then read) and their after-hooks on a response's
 * {@code Set-Cookie} lines (the headers they add). Each plugin is a package below this one.
 *
 * <p>May import: {@code api}, {@code spi}, {@code config} and the other {@code core} packages. Plain Java; never
 * {@code web}, {@code rest}, {@code runtime} or {@code store}.
 */
package io.betterauth.jakarta.core.plugin;
