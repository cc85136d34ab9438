package io.betterauth.jakarta.spi;

/**
 * What the library counts for operators: sessions created, refreshed and revoked, failed sign-ins, cookie-cache
 * hits and misses, and requests refused by the rate limiter. Every event method counts its {@link Metric} through
 * {@link #count}, which counts nothing by default ({@link #NONE}): an implementation overrides {@code count} (the
 * library's, on MicroProfile Metrics or Micrometer where the container has one), or single event methods. Calls come
 * on request threads and must not block.
 */
public interface AuthMetrics {

    /** Counts nothing. */
    AuthMetrics NONE = new AuthMetrics() {
    };

    /** The counters, with the names every implementation of the library exports and what each counts. */
    enum Metric {
        SESSION_CREATIONS("better_auth_session_creations", "Sessions created (sign-in, sign-up, password change)"),
        SESSION_REFRESHES("better_auth_session_refreshes", "Sessions whose expiry was extended"),
        SESSION_REVOCATIONS("better_auth_session_revocations", "Sessions deleted by sign-out or revocation"),
        SIGN_IN_FAILURES("better_auth_sign_in_failures", "Refused email-and-password sign-ins"),
        COOKIE_CACHE_HITS("better_auth_cookie_cache_hits", "Sessions answered from the session_data cookie"),
        COOKIE_CACHE_MISSES("better_auth_cookie_cache_misses",
                "Sessions read from the store while the cookie cache is on"),
        RATE_LIMITED_REQUESTS("better_auth_rate_limited_requests", "Requests refused by the rate limiter");

        private final String metricName;
        private final String description;

        Metric(String metricName, String description) {
            this.metricName = metricName;
            this.description = description;
        }

        /** The exported name (a {@code _total} suffix is added by Prometheus formats). */
        public String metricName() {
            return metricName;
        }

        public String description() {
            return description;
        }
    }

    /** One event of this counter; nothing by default. */
    default void count(Metric metric) {
    }

    /** A session was stored (sign-in, sign-up, password change). */
    default void sessionCreated() {
        count(Metric.SESSION_CREATIONS);
    }

    /** A session's expiry was extended (sliding refresh). */
    default void sessionRefreshed() {
        count(Metric.SESSION_REFRESHES);
    }

    /** A session was deleted on purpose (sign-out, revoke-*, password change, user deletion). */
    default void sessionRevoked() {
        count(Metric.SESSION_REVOCATIONS);
    }

    /** An email-and-password sign-in was refused. */
    default void signInFailed() {
        count(Metric.SIGN_IN_FAILURES);
    }

    /** A request's session was answered from the {@code session_data} cookie. */
    default void cookieCacheHit() {
        count(Metric.COOKIE_CACHE_HITS);
    }

    /** The cookie cache is on but the request's session had to be read from the store. */
    default void cookieCacheMiss() {
        count(Metric.COOKIE_CACHE_MISSES);
    }

    /** The rate limiter refused a request (429). */
    default void rateLimited() {
        count(Metric.RATE_LIMITED_REQUESTS);
    }
}
