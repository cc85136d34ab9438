package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.config.ConfigSource;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * MicroProfile Config as a {@link ConfigSource}, used only when the container provides it (Payara, WildFly); the
 * class is never loaded elsewhere.
 */
final class MicroProfileConfigSource implements ConfigSource {

    private final org.eclipse.microprofile.config.Config config;

    private MicroProfileConfigSource(org.eclipse.microprofile.config.Config config) {
        this.config = config;
    }

    static Optional<ConfigSource> ifAvailable(ClassLoader loader) {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MicroProfileConfigSource(
                    org.eclipse.microprofile.config.ConfigProvider.getConfig(loader)));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> get(String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    }

    /**
     * The dotted {@code better-auth.*} names of every MicroProfile source. The environment's {@code BETTER_AUTH_*}
     * names it also lists are left to the library's own environment source, which only warns about them.
     */
    @Override
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("better-auth.")) {
                names.add(name);
            }
        }
        return names;
    }
}
