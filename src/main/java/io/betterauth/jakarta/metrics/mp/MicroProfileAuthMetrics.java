package io.betterauth.jakarta.metrics.mp;

import io.betterauth.jakarta.spi.AuthMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The library's counters in the application's MicroProfile {@link MetricRegistry}, registered when the bean starts
 * so they read 0 before anything happened. Preferred over Micrometer when both are there (a higher
 * {@code @Priority}); an application's own {@code @Alternative AuthMetrics} at {@code APPLICATION} priority wins
 * over both. Counts nothing if the container has the API but no registry bean.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 20)
public class MicroProfileAuthMetrics implements AuthMetrics {

    @Inject
    Instance<MetricRegistry> registries;

    private Counter[] counters;

    @PostConstruct
    void register() {
        if (!registries.isResolvable()) {
            return;
        }
        MetricRegistry registry = registries.get();
        AuthMetrics.Metric[] all = AuthMetrics.Metric.values();
        Counter[] registered = new Counter[all.length];
        for (int i = 0; i < all.length; i++) {
            registered[i] = registry.counter(Metadata.builder().withName(all[i].metricName())
                    .withDescription(all[i].description()).build());
        }
        counters = registered;
    }

    /** Starts the bean with the application, so the counters are there (at 0) before the first event. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the call itself instantiates the bean, which registers the counters
    }

    private void inc(int index) {
        Counter[] c = counters;
        if (c != null) {
            c[index].inc();
        }
    }

    @Override
    public void count(AuthMetrics.Metric metric) {
        inc(metric.ordinal());
    }
}
