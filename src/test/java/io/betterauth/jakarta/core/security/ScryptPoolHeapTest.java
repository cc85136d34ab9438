package io.betterauth.jakarta.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scrypt scratch pool never runs a server out of memory: every deployment that bundles the library has a pool of
 * its own (CI found eleven WARs on one Payara keeping 700 MiB of idle 32 MiB sets, and a sign-up failing with
 * {@code OutOfMemoryError}). Sixteen pools, each left holding a set after one derivation at Better Auth's parameters
 * (512 MiB in all), on a 256 MiB heap: every derivation must succeed. It runs in a JVM of its own ({@link #main})
 * started with {@code -Xmx256m}, so the heap is the same however the test is run.
 */
public class ScryptPoolHeapTest {

    static final int POOLS = 16;

    @Test
    void sixteenPoolsEachHoldingA32MiBSet_onA256MiBHeap_neverRunOutOfMemory() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ScryptPoolHeapTest.class.getName())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertThat(jvm.waitFor(5, TimeUnit.MINUTES)).as("the derivations' JVM ended").isTrue();
        assertThat(lines).as("one key per pool, then done").hasSize(POOLS + 1).last().isEqualTo("done");
        assertThat(lines.subList(0, POOLS)).allSatisfy(l -> assertThat(l).hasSize(128).matches("[0-9a-f]+"));
        assertThat(jvm.exitValue()).isZero();
    }

    /** Sixteen pools (one per deployment, as each WAR's copy of the library has), each used once and kept. */
    public static void main(String[] args) {
        if (Runtime.getRuntime().maxMemory() > 256L << 20) {
            System.out.println("heap larger than 256 MiB: " + Runtime.getRuntime().maxMemory());
            System.exit(1);
        }
        List<ScryptKdf> deployments = new ArrayList<>();
        for (int i = 0; i < POOLS; i++) {
            ScryptKdf kdf = new ScryptKdf(16384, 16, 1, 64, 1);
            deployments.add(kdf);
            byte[] key = kdf.derive(("password " + i).getBytes(StandardCharsets.UTF_8),
                    "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
            System.out.println(java.util.HexFormat.of().formatHex(key));
        }
        System.out.println(deployments.size() == POOLS ? "done" : "lost a pool");
    }
}
