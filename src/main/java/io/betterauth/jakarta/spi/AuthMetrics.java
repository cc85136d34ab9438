package io.betterauth.jakarta.spi;

/**
 * What the library counts for operators: sessions created, refreshed and revoked, failed sign-ins, cookie-cache
 * hits and misses, and requests refused by the rate limiter. Every method is a no-op by default ({@link #NONE}).
 * The library implements it on MicroProfile Metrics or Micrometer where the container has one; an application may
 * supply its own bean. Calls come on request threads and must not block.
 */
public interface AuthMetrics {

    /** Counts nothing. */
    AuthMetrics NONE = new AuthMetrics() {
    };

    /** A session was stored (sign-in, sign-up, password change). */
    default void sessionCreated() {
    }

    /** A session's expiry was extended (sliding refresh). */
    default void sessionRefreshed() {
    }

    /** A session was deleted on purpose (sign-out, revoke-*, password change, user deletion). */
    default void sessionRevoked() {
    }

    /** An email-and-password sign-in was refused. */
    default void signInFailed() {
    }

    /** A request's session was answered from the {@code session_data} cookie. */
    default void cookieCacheHit() {
    }

    /** The cookie cache is on but the request's session had to be read from the store. */
    default void cookieCacheMiss() {
    }

    /** The rate limiter refused a request (429). */
    default void rateLimited() {
    }
}
