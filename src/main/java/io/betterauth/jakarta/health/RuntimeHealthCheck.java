package io.betterauth.jakarta.health;

import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness {@code better-auth}: the runtime started (configuration read, stores wired) and has not been shut down.
 * It touches no store: a database outage makes the application unready, not dead.
 */
@Liveness
@ApplicationScoped
public class RuntimeHealthCheck implements HealthCheck {

    public static final String NAME = "better-auth";

    @Inject
    BetterAuthRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        return StoreHealth.liveness(NAME, runtime.running());
    }
}
