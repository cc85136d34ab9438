/**
 * Security policy: the origin (CSRF) check, the rate limiter, password hashing, secrets, client-address
 * networks, Better Auth's wildcard patterns and the audit log.
 *
 * <p>May import: {@code api}, {@code spi}, {@code config}, {@code core.js}, Bouncy Castle and the JDK. Plain Java.
 */
package io.betterauth.jakarta.core.security;
