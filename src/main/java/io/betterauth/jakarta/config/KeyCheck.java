package io.betterauth.jakarta.config;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The start-up check of the configuration's names against {@link ConfigKeys}: a dotted {@code better-auth.*} key the
 * library does not read stops the start-up (it is almost always a misspelling, silently ignored otherwise), naming
 * the closest known key; a {@code BETTER_AUTH_*} environment variable that is no key's environment form is only a
 * warning, since a Node Better Auth shares the environment and reads variables of its own. With
 * {@code better-auth.config.unknown-keys=warn} unknown dotted keys are warnings too. Runs only when the library reads
 * its configuration itself, not for an application's own {@link BetterAuthConfig} bean.
 */
public final class KeyCheck {

    private static final Logger LOG = System.getLogger(KeyCheck.class.getName());

    /** The escape hatch. */
    static final String MODE_KEY = "better-auth.config.unknown-keys";

    /** Variables Better Auth on Node reads (1.7.25's sources) that are not keys of ours. */
    private static final List<String> NODE_PREFIXES = List.of("BETTER_AUTH_TELEMETRY");

    private static final int MAX_DISTANCE = 3;

    private KeyCheck() {
    }

    /**
     * Checks every name the sources list.
     *
     * @param mode the value of {@code better-auth.config.unknown-keys}: {@code fail} (default, null) or {@code warn}
     * @throws ConfigurationException naming each unknown dotted key and its closest known key
     */
    public static void check(List<ConfigSource> sources, String mode) {
        boolean fail = failOnUnknown(mode);
        Set<String> dotted = new TreeSet<>();
        Set<String> environment = new TreeSet<>();
        for (ConfigSource source : sources) {
            for (String name : source.names()) {
                if (name.startsWith("better-auth.")) {
                    dotted.add(name);
                } else if (name.startsWith("BETTER_AUTH_")) {
                    environment.add(name);
                }
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String name : dotted) {
            if (!ConfigKeys.known(name)) {
                unknown.add(name + " is not a known configuration key; " + suggestion(name, false));
            }
        }
        for (String name : environment) {
            if (!ConfigKeys.knownEnvironmentName(name) && NODE_PREFIXES.stream().noneMatch(name::startsWith)) {
                LOG.log(Level.WARNING, "Environment variable " + name + " is no better-auth key's; "
                        + suggestion(name, true) + " (ignored)");
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        if (fail) {
            throw new ConfigurationException(String.join("\n", unknown) + "\n(The README's Configuration table lists "
                    + "every key; " + MODE_KEY + "=warn makes unknown keys a warning.)");
        }
        unknown.forEach(u -> LOG.log(Level.WARNING, u + " (ignored: " + MODE_KEY + "=warn)"));
    }

    private static boolean failOnUnknown(String mode) {
        if (mode == null) {
            return true;
        }
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> true;
            case "warn" -> false;
            default -> throw new ConfigurationException("Configuration value " + MODE_KEY + "='" + mode
                    + "' is not valid: expected warn or fail");
        };
    }

    /** "did you mean X?" for the closest known name within {@value #MAX_DISTANCE} edits, else "no similar key". */
    static String suggestion(String name, boolean environment) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String known : ConfigKeys.suggestions()) {
            String candidate = environment ? ConfigSource.environmentName(known) : known;
            int d = distance(name, candidate, bestDistance);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null ? "no similar key" : "did you mean " + best + "?";
    }

    /** Levenshtein distance, or {@code limit} once it is certain to be at least that. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }
}
