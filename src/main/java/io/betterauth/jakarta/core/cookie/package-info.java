/**
 * Better Auth's session cookies: names and attributes, HMAC-signed values, {@code Set-Cookie} lines as
 * better-call writes them, the request's {@code Cookie} header as better-call parses it, and chunking of large
 * values.
 *
 * <p>May import: {@code api}, {@code config}, {@code core.js}, {@code core.security}, {@code core.cookie.cache} and
 * the JDK. Plain Java: no Servlet or JAX-RS types.
 */
package io.betterauth.jakarta.core.cookie;
