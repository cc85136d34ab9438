package io.betterauth.jakarta.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One place configuration values come from, looked up by their kebab-case key under {@code better-auth.}
 * (for example {@code better-auth.session.expires-in}). Sources are consulted highest first by
 * {@link ConfigLoader}; the names a source can list are checked against {@link ConfigKeys} by {@link KeyCheck}.
 */
@FunctionalInterface
public interface ConfigSource {

    Optional<String> get(String key);

    /**
     * The {@code better-auth.*} names this source holds, for the unknown-key check: dotted keys, or for the
     * environment its {@code BETTER_AUTH_*} variable names. Empty when the source cannot list its names.
     */
    default Set<String> names() {
        return Set.of();
    }

    /** A source over a map of kebab-case keys (servlet context parameters, tests). */
    static ConfigSource of(Map<String, String> values) {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
            }

            @Override
            public Set<String> names() {
                return ours(values.keySet(), "better-auth.");
            }
        };
    }

    /** Java system properties under the same kebab-case keys. */
    static ConfigSource systemProperties() {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(System.getProperty(key)).filter(v -> !v.isBlank());
            }

            @Override
            public Set<String> names() {
                return ours(System.getProperties().stringPropertyNames(), "better-auth.");
            }
        };
    }

    /** Environment variables in their usual form: {@code better-auth.session.expires-in} → {@code BETTER_AUTH_SESSION_EXPIRES_IN}. */
    static ConfigSource environment() {
        return environment(System.getenv());
    }

    /** The environment given as a map of variables (tests). */
    static ConfigSource environment(Map<String, String> env) {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(env.get(environmentName(key))).filter(v -> !v.isBlank());
            }

            @Override
            public Set<String> names() {
                return ours(env.keySet(), "BETTER_AUTH_");
            }
        };
    }

    /** The environment as a lookup only (its names are not listed). */
    static ConfigSource environment(Function<String, String> env) {
        return key -> Optional.ofNullable(env.apply(environmentName(key))).filter(v -> !v.isBlank());
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Set<String> ours(Iterable<String> names, String prefix) {
        Set<String> out = new TreeSet<>();
        names.forEach(n -> {
            if (n != null && n.startsWith(prefix)) {
                out.add(n);
            }
        });
        return out;
    }
}
