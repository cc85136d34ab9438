package io.betterauth.jakarta.health;

import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@code better-auth-redis}: the secondary storage answers {@code PING} within {@link ProbeRunner#TIMEOUT}.
 * UP with {@code configured: false} when there is no secondary storage (or the application's own cannot be probed).
 */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

    public static final String NAME = "better-auth-redis";

    @Inject
    BetterAuthRuntime runtime;
    @Inject
    ProbeRunner probes;

    @Override
    public HealthCheckResponse call() {
        return StoreHealth.readiness(NAME, runtime.running(), runtime.secondaryStorageProbe(), probes);
    }
}
