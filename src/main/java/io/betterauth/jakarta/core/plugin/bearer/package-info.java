/**
 * Better Auth's {@code bearer} plugin (1.7.25, {@code plugins/bearer}): {@code Authorization: Bearer <token>}
 * authenticates as the {@code session_token} cookie does, and a response that sets a live session cookie carries the
 * signed token in {@code set-auth-token}. Byte-compatible with the plugin: hand-written for that reason.
 *
 * <p>May import: {@code api}, {@code spi}, {@code config} and the other {@code core} packages. Plain Java.
 */
package io.betterauth.jakarta.core.plugin.bearer;
