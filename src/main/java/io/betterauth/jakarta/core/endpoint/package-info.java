/**
 * What each Better Auth endpoint answers and when it refuses, independent of HTTP: sign-up and sign-in by email,
 * session management, account operations. Each returns a result with status, body and {@code Set-Cookie} lines
 * that {@code rest} only maps onto HTTP.
 *
 * <p>May import: {@code api}, {@code spi}, {@code config} and the other {@code core} packages. Plain Java; never
 * {@code web}, {@code rest}, {@code runtime} or {@code store}.
 */
package io.betterauth.jakarta.core.endpoint;
