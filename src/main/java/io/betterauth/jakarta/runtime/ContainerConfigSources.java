package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.config.ConfigSource;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a deployed application's configuration comes from, highest first: MicroProfile Config (when the container
 * has it), the servlet context's parameters, system properties, the environment.
 */
final class ContainerConfigSources {

    private ContainerConfigSources() {
    }

    /** The sources, highest first; without a servlet context (a lookup before start-up) its parameters are left out. */
    static List<ConfigSource> of(ServletContext context) {
        List<ConfigSource> sources = new ArrayList<>();
        MicroProfileConfigSource.ifAvailable(Thread.currentThread().getContextClassLoader()).ifPresent(sources::add);
        if (context != null) {
            Map<String, String> params = new HashMap<>();
            for (String name : Collections.list(context.getInitParameterNames())) {
                params.put(name, context.getInitParameter(name));
            }
            sources.add(ConfigSource.of(params));
        }
        sources.add(ConfigSource.systemProperties());
        sources.add(ConfigSource.environment());
        return sources;
    }
}
