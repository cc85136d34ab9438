package io.betterauth.jakarta.health;

import io.betterauth.jakarta.spi.StoreProbe;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

/**
 * The checks' answers, built with {@link HealthCheckResponse}'s constructor (no response provider needed, so they
 * are the same in every container and in unit tests).
 */
final class StoreHealth {

    private StoreHealth() {
    }

    /**
     * A store's readiness: DOWN while the runtime is not running; UP with {@code configured: false} without a
     * probe-able store; else the probe's outcome, DOWN with a short {@code reason}.
     */
    static HealthCheckResponse readiness(String name, boolean running, Optional<StoreProbe> probe, ProbeRunner probes) {
        if (!running) {
            return new HealthCheckResponse(name, Status.DOWN, Optional.of(Map.of("reason", "Better Auth is not running")));
        }
        if (probe.isEmpty()) {
            return new HealthCheckResponse(name, Status.UP, Optional.of(Map.of("configured", false)));
        }
        Optional<String> failure = probes.failure(probe.get());
        return failure.isEmpty()
                ? new HealthCheckResponse(name, Status.UP, Optional.of(Map.of("configured", true)))
                : new HealthCheckResponse(name, Status.DOWN,
                        Optional.of(Map.of("configured", true, "reason", failure.get())));
    }

    /** The runtime's liveness. */
    static HealthCheckResponse liveness(String name, boolean running) {
        return new HealthCheckResponse(name, running ? Status.UP : Status.DOWN, Optional.empty());
    }
}
