package io.betterauth.jakarta.metrics.micrometer;

import io.betterauth.jakarta.spi.AuthMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * The library's counters in Micrometer: the container's or application's {@link MeterRegistry} bean when there is
 * one (WildFly's micrometer subsystem), else {@link Metrics#globalRegistry}. Registered when the bean starts, so they
 * read 0 before anything happened; a Prometheus registry exports {@code better_auth_session_creations} as
 * {@code better_auth_session_creations_total}. Used only where MicroProfile Metrics is absent (a lower
 * {@code @Priority} than {@code MicroProfileAuthMetrics}).
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class MicrometerAuthMetrics implements AuthMetrics {

    /** The meters' names and what they count (the same names as on MicroProfile Metrics; the text is the README's). */
    public static final String[][] COUNTERS = {
            {"better_auth_session_creations", "Sessions created (sign-in, sign-up, password change)"},
            {"better_auth_session_refreshes", "Sessions whose expiry was extended"},
            {"better_auth_session_revocations", "Sessions deleted by sign-out or revocation"},
            {"better_auth_sign_in_failures", "Refused email-and-password sign-ins"},
            {"better_auth_cookie_cache_hits", "Sessions answered from the session_data cookie"},
            {"better_auth_cookie_cache_misses", "Sessions read from the store while the cookie cache is on"},
            {"better_auth_rate_limited_requests", "Requests refused by the rate limiter"},
    };

    @Inject
    Instance<MeterRegistry> registries;

    private Counter[] counters;

    /** For CDI. */
    public MicrometerAuthMetrics() {
    }

    /** On a given registry (tests, or an application wiring the library by hand). */
    public MicrometerAuthMetrics(MeterRegistry registry) {
        bind(registry);
    }

    @PostConstruct
    void register() {
        bind(registries.isResolvable() ? registries.get() : Metrics.globalRegistry);
    }

    private void bind(MeterRegistry registry) {
        Counter[] registered = new Counter[COUNTERS.length];
        for (int i = 0; i < COUNTERS.length; i++) {
            // registry.counter(name), not Counter.builder(…).register(registry): WildFly's per-deployment registry
            // forwards only the former to the exported registry (with the deployment's tag); so no description.
            registered[i] = registry.counter(COUNTERS[i][0]);
        }
        counters = registered;
    }

    private void inc(int index) {
        Counter[] c = counters;
        if (c != null) {
            c[index].increment();
        }
    }

    @Override
    public void sessionCreated() {
        inc(0);
    }

    @Override
    public void sessionRefreshed() {
        inc(1);
    }

    @Override
    public void sessionRevoked() {
        inc(2);
    }

    @Override
    public void signInFailed() {
        inc(3);
    }

    @Override
    public void cookieCacheHit() {
        inc(4);
    }

    @Override
    public void cookieCacheMiss() {
        inc(5);
    }

    @Override
    public void rateLimited() {
        inc(6);
    }
}
