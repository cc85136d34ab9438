package io.betterauth.jakarta.metrics.micrometer;

import io.betterauth.jakarta.spi.AuthMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import jakarta.enterprise.inject.Instance;

/**
 * The library's counters in a Micrometer {@link MeterRegistry}, registered at construction, so they read 0 before
 * anything happened; a Prometheus registry exports {@code better_auth_session_creations} as
 * {@code better_auth_session_creations_total}. In a CDI application {@link MicrometerAuthMetricsBean} creates it on
 * the container's registry; an application wiring the library by hand (or a test) constructs it on its own.
 *
 * <p>Deliberately no CDI annotation: Payara's deployment-time annotation scanner reflects over every annotated class
 * of the application, whatever {@code beans.xml} excludes, and logs a SEVERE for each one whose fields, constructors
 * or methods name a class that is missing. Micrometer's types therefore appear only here, in a class it never looks
 * at, and the bean's own signatures name none.
 */
public class MicrometerAuthMetrics implements AuthMetrics {

    private final Counter[] counters;

    /** On a given registry (tests, or an application wiring the library by hand). */
    public MicrometerAuthMetrics(MeterRegistry registry) {
        AuthMetrics.Metric[] all = AuthMetrics.Metric.values();
        Counter[] registered = new Counter[all.length];
        for (int i = 0; i < all.length; i++) {
            // registry.counter(name), not Counter.builder(…).register(registry): WildFly's per-deployment registry
            // forwards only the former to the exported registry (with the deployment's tag); so no description.
            registered[i] = registry.counter(all[i].metricName());
        }
        counters = registered;
    }

    /**
     * On the container's or application's {@link MeterRegistry} bean when there is one (WildFly's micrometer
     * subsystem), else on {@link Metrics#globalRegistry}.
     *
     * @param beans the application's beans, from which the registry is selected
     */
    static AuthMetrics onRegistryBean(Instance<Object> beans) {
        Instance<MeterRegistry> registries = beans.select(MeterRegistry.class);
        return new MicrometerAuthMetrics(registries.isResolvable() ? registries.get() : Metrics.globalRegistry);
    }

    @Override
    public void count(AuthMetrics.Metric metric) {
        counters[metric.ordinal()].increment();
    }
}
