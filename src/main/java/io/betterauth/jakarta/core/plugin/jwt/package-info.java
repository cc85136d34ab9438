/**
 * Better Auth's {@code jwt} plugin (1.7.25, {@code plugins/jwt}): the signing keys in the {@code jwks} table (their
 * generation, the secret-encrypted private key, the published JWKS), the access token of {@code GET /token} and
 * {@code set-auth-jwt}, and Better Auth 1.7's session-cache JWT ({@code sessionCookieCache}), the {@code session_data}
 * cookie signed with the same keys. Byte-compatible with the plugin, so one {@code jwks} table serves Node and Java side by side:
 * hand-written for that reason where Nimbus would write other bytes.
 *
 * <p><b>JDK-only crypto, no Google Tink.</b> Nimbus 10.10 (already a dependency) signs and verifies Ed25519 only
 * through Tink, an optional dependency it does not bring. {@code mvn dependency:tree} of
 * {@code com.google.crypto.tink:tink:1.23.0} (excluding {@code protobuf-java}, as Nimbus's POM does) pulls in
 * {@code gson 2.13.2}, {@code jsr305 3.0.2} and {@code error_prone_annotations 2.41.0}: 2.8 MB (1,357 files) for Tink
 * plus 330 kB, an unshaded Gson on every deployment's class path, for two primitives the JDK 17 has or nearly has.
 * So Ed25519 is the JDK's {@code Signature("Ed25519")} behind a small Nimbus {@code JWSSigner}/{@code JWSVerifier},
 * and XChaCha20-Poly1305 is HChaCha20 (30 lines) in front of the JDK's {@code ChaCha20-Poly1305}, pinned by Better
 * Auth's vectors. ES256, ES512, RS256 and PS256 are Nimbus's JCA signers.
 *
 * <p>May import: {@code api}, {@code spi}, {@code config} and the other {@code core} packages; Nimbus and
 * {@code jakarta.json}. Plain Java.
 */
package io.betterauth.jakarta.core.plugin.jwt;
