package io.betterauth.jakarta.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Bench-only JAX-RS application, added to a copy of the demo WAR by bench/run; never part of the library. */
@ApplicationPath("/bench")
public class BenchApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(BareResource.class);
    }
}
