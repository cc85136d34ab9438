package io.betterauth.jakarta.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.AuthMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The Micrometer counters on a real {@link SimpleMeterRegistry}: registered at 0 when the bean starts, one
 * increment per call, the same names as on MicroProfile Metrics.
 */
class MicrometerAuthMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    double count(String name) {
        return registry.get(name).counter().count();
    }

    @Test
    void everyCounter_isRegisteredAtZero_beforeAnythingHappened() {
        new MicrometerAuthMetrics(registry);

        for (AuthMetrics.Metric counter : AuthMetrics.Metric.values()) {
            assertThat(count(counter.metricName())).as(counter.metricName()).isZero();
        }
        assertThat(registry.getMeters()).hasSize(7);
    }

    @Test
    void eachEvent_incrementsItsOwnCounter() {
        MicrometerAuthMetrics metrics = new MicrometerAuthMetrics(registry);
        metrics.sessionCreated();
        metrics.sessionCreated();
        metrics.sessionRefreshed();
        metrics.sessionRevoked();
        metrics.signInFailed();
        metrics.signInFailed();
        metrics.signInFailed();
        metrics.cookieCacheHit();
        metrics.cookieCacheMiss();
        metrics.rateLimited();

        assertThat(count("better_auth_session_creations")).isEqualTo(2);
        assertThat(count("better_auth_session_refreshes")).isEqualTo(1);
        assertThat(count("better_auth_session_revocations")).isEqualTo(1);
        assertThat(count("better_auth_sign_in_failures")).isEqualTo(3);
        assertThat(count("better_auth_cookie_cache_hits")).isEqualTo(1);
        assertThat(count("better_auth_cookie_cache_misses")).isEqualTo(1);
        assertThat(count("better_auth_rate_limited_requests")).isEqualTo(1);
    }
}
