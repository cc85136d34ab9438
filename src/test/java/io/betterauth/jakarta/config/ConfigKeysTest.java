package io.betterauth.jakarta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfigKeys} is the one list of keys: every {@code "better-auth.…"} string literal of {@code src/main/java}
 * names a listed key (or one of a family), every listed key is read somewhere, and the README's configuration table
 * has exactly one row per key. A failure prints the line or the row to add.
 */
class ConfigKeysTest {

    private static final Path MAIN = Path.of("src/main/java");
    /** A string literal starting with a key; the key ends where the name's characters end. */
    private static final Pattern LITERAL = Pattern.compile("\"(better-auth\\.[a-z0-9.-]*)([^\"]?)");

    @Test
    void everyKeyTheCodeNames_isListed_andEveryListedKeyIsRead() {
        TreeMap<String, String> inCode = keysInCode();
        List<String> problems = new ArrayList<>();
        inCode.forEach((key, where) -> {
            if (!ConfigKeys.known(key)) {
                problems.add(where + " names " + key + ", which ConfigKeys does not list. Add to ConfigKeys.KEYS:\n"
                        + "    Key.of(\"" + key + "\"),   (or Key.number(\"" + key + "\", min, max),)");
            }
        });
        for (ConfigKeys.Key k : ConfigKeys.keys()) {
            if (!inCode.containsKey(k.name())) {
                problems.add("ConfigKeys lists " + k.name() + ", but no code in src/main/java names it: remove the "
                        + "line, or read the key");
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void theReadmeTable_hasOneRowPerKey() throws IOException {
        Set<String> documented = readmeKeys();
        List<String> problems = new ArrayList<>();
        for (ConfigKeys.Key k : ConfigKeys.keys()) {
            if (!documented.contains(k.name())) {
                problems.add("README's Configuration table has no row for " + k.name() + ". Add:\n"
                        + "| `" + k.name() + "` | `" + k.environmentName() + "` | default | what it does |");
            }
        }
        for (ConfigKeys.Family f : ConfigKeys.FAMILIES) {
            if (!documented.contains(f.pattern())) {
                problems.add("README's Configuration table has no row for " + f.pattern() + ". Add:\n"
                        + "| `" + f.pattern() + "` | `" + ConfigSource.environmentName(f.pattern()) + "` | default | "
                        + "what it does |");
            }
        }
        for (String key : documented) {
            boolean family = ConfigKeys.FAMILIES.stream().anyMatch(f -> f.pattern().equals(key));
            if (!family && ConfigKeys.key(key).isEmpty()) {
                problems.add("README's Configuration table documents " + key + ", which ConfigKeys does not list: "
                        + "add Key.of(\"" + key + "\") to ConfigKeys.KEYS, or remove the row");
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void familiesMatchTheirValuesOnly_inBothSpellings() {
        assertThat(ConfigKeys.known("better-auth.session.model-name")).isTrue();
        assertThat(ConfigKeys.known("better-auth.verification.fields")).isTrue();
        assertThat(ConfigKeys.known("better-auth.sesion.model-name")).isFalse();
        assertThat(ConfigKeys.knownEnvironmentName("BETTER_AUTH_USER_MODEL_NAME")).isTrue();
        assertThat(ConfigKeys.knownEnvironmentName("BETTER_AUTH_USERS_MODEL_NAME")).isFalse();
        assertThat(ConfigKeys.knownEnvironmentName("BETTER_AUTH_SESSION_EXPIRES_IN")).isTrue();
        ConfigKeys.Family open = ConfigKeys.Family.of("better-auth.plugins.<name>.*");
        assertThat(open.matches("better-auth.plugins.jwt.remote-jwks-url")).isTrue();
        assertThat(open.matches("better-auth.plugins.jwt")).isFalse();
        assertThat(open.matchesEnvironmentName("BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_URL")).isTrue();
    }

    @Test
    void aNumberOutOfRange_orTooLongForALong_namesTheKeyAndTheRange() {
        ConfigKeys.Key batch = ConfigKeys.key("better-auth.purge.batch-size").orElseThrow();
        assertThat(batch.parse(" 100000 ")).isEqualTo(100_000);
        for (String bad : List.of("0", "100001", "-1", "99999999999999999999999", "1e3", "ten", "")) {
            assertThatThrownBy(() -> batch.parse(bad)).isInstanceOf(ConfigurationException.class)
                    .hasMessage("Configuration value better-auth.purge.batch-size='" + bad.trim()
                            + "' is not valid: expected a whole number from 1 to 100000");
        }
    }

    /** Each key a string literal of the main sources starts with, and the first file naming it. */
    private static TreeMap<String, String> keysInCode() {
        TreeMap<String, String> keys = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (file.getFileName().toString().equals("ConfigKeys.java")) {
                    continue; // the list itself
                }
                String[] lines = Files.readString(file).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = LITERAL.matcher(lines[i]);
                    while (m.find()) {
                        String key = m.group(1);
                        String next = m.group(2);
                        // "better-auth." + model + ".fields" is a family, built at run time; a cookie name
                        // ("better-auth.session_token") is no key.
                        if (key.endsWith(".") || next.matches("[A-Za-z0-9_]")) {
                            continue;
                        }
                        keys.putIfAbsent(key, file + ":" + (i + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /**
     * The keys of the README's configuration table, from each row's first column: a full key in backticks, and
     * short forms after it ({@code `better-auth.database.url` / `.user`}) that replace its last segment.
     */
    static Set<String> readmeKeys() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration");
        assertThat(start).as("README has a Configuration section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> keys = new TreeSet<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (!line.startsWith("| `better-auth.")) {
                continue;
            }
            String first = line.substring(1, line.indexOf('|', 1));
            Matcher span = Pattern.compile("`([^`]+)`").matcher(first);
            String base = null;
            while (span.find()) {
                String s = span.group(1);
                if (s.startsWith("better-auth.")) {
                    base = s;
                    keys.add(s);
                } else if (s.startsWith(".") && base != null) {
                    keys.add(base.substring(0, base.lastIndexOf('.')) + s);
                }
            }
        }
        return keys;
    }
}
