package io.betterauth.jakarta.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One place configuration values come from, looked up by their kebab-case key under {@code better-auth.}
 * (for example {@code better-auth.session.expires-in}). Sources are consulted highest first by
 * {@link ConfigLoader}.
 */
@FunctionalInterface
public interface ConfigSource {

    Optional<String> get(String key);

    /** A source over a map of kebab-case keys (servlet context parameters, tests). */
    static ConfigSource of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /** Java system properties under the same kebab-case keys. */
    static ConfigSource systemProperties() {
        return key -> Optional.ofNullable(System.getProperty(key)).filter(v -> !v.isBlank());
    }

    /** Environment variables in their usual form: {@code better-auth.session.expires-in} → {@code BETTER_AUTH_SESSION_EXPIRES_IN}. */
    static ConfigSource environment() {
        return environment(System::getenv);
    }

    static ConfigSource environment(Function<String, String> env) {
        return key -> Optional.ofNullable(env.apply(environmentName(key))).filter(v -> !v.isBlank());
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
