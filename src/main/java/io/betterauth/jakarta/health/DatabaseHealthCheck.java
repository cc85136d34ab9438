package io.betterauth.jakarta.health;

import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@code better-auth-database}: the user store answers a primary-key lookup within
 * {@link ProbeRunner#TIMEOUT}. UP with {@code configured: false} when no database store is in use (memory, stateless,
 * or an application's store that cannot be probed); DOWN with a short {@code reason} while the runtime has not
 * started or the database does not answer.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    public static final String NAME = "better-auth-database";

    @Inject
    BetterAuthRuntime runtime;
    @Inject
    ProbeRunner probes;

    @Override
    public HealthCheckResponse call() {
        return StoreHealth.readiness(NAME, runtime.running(), runtime.databaseProbe(), probes);
    }
}
