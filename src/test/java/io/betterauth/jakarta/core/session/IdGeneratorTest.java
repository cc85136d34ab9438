package io.betterauth.jakarta.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void hundredThousandTokens_areUniqueWith32CharactersOfTheBetterAuthAlphabet() { // T-01
        IdGenerator ids = new IdGenerator();
        Set<String> seen = new HashSet<>();
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            String id = ids.generate();
            assertThat(id).hasSize(32).matches("[a-zA-Z0-9]{32}");
            assertThat(seen.add(id)).isTrue();
            for (char c : id.toCharArray()) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        // 3.2 million symbols over 62 letters: every letter appears, none far from the mean (rejection sampling).
        assertThat(counts).hasSize(62);
        double mean = 3_200_000 / 62.0;
        counts.values().forEach(n -> assertThat(Math.abs(n - mean) / mean).isLessThan(0.03));
    }

    @Test
    void randomnessComesFromSecureRandomOnly_andNoTokenIsAUuid() throws IOException { // T-01
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path p : sources) {
            String source = Files.readString(p);
            assertThat(source).as(p.toString()).doesNotContain("java.util.Random").doesNotContain("ThreadLocalRandom")
                    .doesNotContain("Math.random").doesNotContainPattern("new Random\\(").doesNotContain("SplittableRandom");
            // The one UUID is a JWT's jti claim, as Better Auth's jose writes it; tokens and ids come from IdGenerator.
            source.lines().filter(line -> line.contains("UUID.")).forEach(line ->
                    assertThat(line).as(p.toString()).contains("claims.put(\"jti\", UUID.randomUUID()"));
        }
        assertThat(Files.readString(Path.of("src/main/java/io/betterauth/jakarta/core/session/IdGenerator.java")))
                .contains("this(new SecureRandom());");
    }
}
