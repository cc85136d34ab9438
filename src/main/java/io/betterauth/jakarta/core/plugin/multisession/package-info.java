/**
 * Better Auth's {@code multi-session} plugin (1.7.25, {@code plugins/multi-session}): several accounts signed in on
 * one browser, each session in a signed device cookie {@code <session_token name>_multi-<token lower-cased>}; the
 * endpoints that list them, make one active and revoke one; the after-hooks that issue a device cookie with every new
 * session (replacing the same user's older one, up to {@code maximumSessions}) and end them all on sign-out. Acts
 * only on tokens from validly signed device cookies, never on a token from the body (as Better Auth 1.6.17+).
 * Byte-compatible with the plugin: hand-written for that reason.
 *
 * <p>May import: {@code api}, {@code spi}, {@code config} and the other {@code core} packages. Plain Java.
 */
package io.betterauth.jakarta.core.plugin.multisession;
