/**
 * Verifier mode (ours, {@code better-auth.plugins.jwt.remote-jwks-url}): a resource server that accepts the JWTs of
 * Better Auth's {@code GET /token} and {@code set-auth-jwt} (issued by Node or by this library) after checking them
 * against the issuer's published key set, fetched over HTTP and cached by Nimbus's {@code JWKSource} (refetched on an
 * unknown {@code kid}, rate-limited, size- and time-bounded). No store, no secret: the caller is the token's user,
 * without a session.
 *
 * <p>May import: {@code api}, {@code config} and {@code core.plugin.jwt} (its JDK-backed verifiers); Nimbus. Plain
 * Java; never {@code spi} (there is no store here).
 */
package io.betterauth.jakarta.core.plugin.jwt.verify;
