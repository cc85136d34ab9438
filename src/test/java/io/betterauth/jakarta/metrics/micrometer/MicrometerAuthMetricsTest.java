package io.betterauth.jakarta.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.AuthMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Micrometer counters on a real {@link SimpleMeterRegistry}: registered at 0 when the bean starts, one
 * increment per call, the same names as on MicroProfile Metrics; and a CDI bean Payara can scan without Micrometer.
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

    /** Payara's annotation scanner reflects over the bean in apps without Micrometer (DeploymentLogIT). */
    @Test
    void theCdiBean_namesNoMicrometerType_soAnAppWithoutMicrometerDeploysCleanlyOnPayara() {
        List<String> signatures = new ArrayList<>();
        for (Field f : MicrometerAuthMetricsBean.class.getDeclaredFields()) {
            signatures.add(f.toGenericString());
        }
        for (Constructor<?> c : MicrometerAuthMetricsBean.class.getDeclaredConstructors()) {
            signatures.add(c.toGenericString());
        }
        for (Method m : MicrometerAuthMetricsBean.class.getDeclaredMethods()) {
            signatures.add(m.toGenericString());
        }
        assertThat(signatures).isNotEmpty().noneMatch(s -> s.contains("io.micrometer"));
        assertThat(MicrometerAuthMetrics.class.getAnnotations()).as("not scanned: no annotation at all").isEmpty();
    }
}
