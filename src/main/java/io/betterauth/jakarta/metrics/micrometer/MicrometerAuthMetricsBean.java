package io.betterauth.jakarta.metrics.micrometer;

import io.betterauth.jakarta.spi.AuthMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * The CDI bean that counts in Micrometer: a {@link MicrometerAuthMetrics} on the container's or application's
 * {@code MeterRegistry} bean when there is one (WildFly's micrometer subsystem), else on
 * {@code Metrics.globalRegistry}, created when the bean starts. Used only where MicroProfile Metrics is absent (a
 * lower {@code @Priority} than {@code MicroProfileAuthMetrics}).
 *
 * <p>No Micrometer type in any field, constructor or method signature: Payara's deployment-time annotation scanner
 * reflects over this class even in an application without Micrometer ({@code beans.xml} keeps it from CDI only),
 * and would log a SEVERE for a missing class. The Micrometer calls run in {@link MicrometerAuthMetrics}, loaded only
 * when this bean starts, i.e. only where Micrometer is there.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class MicrometerAuthMetricsBean implements AuthMetrics {

    @Inject
    Instance<Object> beans;

    private AuthMetrics counters = AuthMetrics.NONE;

    @PostConstruct
    void register() {
        counters = MicrometerAuthMetrics.onRegistryBean(beans);
    }

    @Override
    public void count(AuthMetrics.Metric metric) {
        counters.count(metric);
    }
}
