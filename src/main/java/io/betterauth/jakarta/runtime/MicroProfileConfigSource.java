package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.config.ConfigSource;
import java.util.Optional;

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
}
