/**
 * The {@code session_data} cookie cache in Better Auth's three strategies ({@code compact}, {@code jwt},
 * {@code jwe}), byte-compatible with Better Auth 1.7.25, the payload they carry, and the bounded memory of recent
 * decodes that spares a repeated cookie its verification.
 *
 * <p>May import: {@code api}, {@code config}, {@code core.js}, {@code core.security}, {@code core.cookie}, Nimbus
 * JOSE and the JDK. Plain Java.
 */
package io.betterauth.jakarta.core.cookie.cache;
