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
        AuthMetrics.Metric[] all = AuthMetrics.Metric.values();
        Counter[] registered = new Counter[all.length];
        for (int i = 0; i < all.length; i++) {
            // registry.counter(name), not Counter.builder(…).register(registry): WildFly's per-deployment registry
            // forwards only the former to the exported registry (with the deployment's tag); so no description.
            registered[i] = registry.counter(all[i].metricName());
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
    public void count(AuthMetrics.Metric metric) {
        inc(metric.ordinal());
    }
}
