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

    /** The counters' names (exported with a {@code _total} suffix) and what they count. */
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
    Instance<MetricRegistry> registries;

    private Counter[] counters;

    @PostConstruct
    void register() {
        if (!registries.isResolvable()) {
            return;
        }
        MetricRegistry registry = registries.get();
        Counter[] registered = new Counter[COUNTERS.length];
        for (int i = 0; i < COUNTERS.length; i++) {
            registered[i] = registry.counter(Metadata.builder().withName(COUNTERS[i][0])
                    .withDescription(COUNTERS[i][1]).build());
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
