/**
 * The session lifecycle as Better Auth 1.7.25 runs it: creating a session, resolving the request's session
 * (cookie cache, then the store), refreshing it when due, freshness, revocation, the purge of expired rows, and
 * the additional fields and column limits a session or user carries.
 *
 * <p>May import: {@code api}, {@code spi}, {@code config} and the other {@code core} packages. Plain Java with a
 * {@link java.time.Clock}: no Servlet, JAX-RS, CDI or JDBC types; never {@code web}, {@code rest}, {@code runtime}
 * or {@code store}.
 */
package io.betterauth.jakarta.core.session;
