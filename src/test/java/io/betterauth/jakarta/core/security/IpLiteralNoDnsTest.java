package io.betterauth.jakarta.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forwarded-header entry that looks like an IPv4 address but is none ({@code 999.999.999.999}) is no address, and
 * never a name to resolve: before, it reached {@code InetAddress.getByName}, which looked it up (a blocking resolver
 * call per request, and whatever the resolver answered became the client's address). Proved in a JVM of its own whose
 * hosts file does resolve those names, so a lookup would show.
 */
class IpLiteralNoDnsTest {

    @Test
    void dottedNumbersBeyond255_areNoAddress_andAreNeverLookedUp(@TempDir Path dir) throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "192.0.2.99 999.999.999.999\n192.0.2.98 256.1.1.1\n");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-cp", System.getProperty("java.class.path"),
                IpLiteralNoDnsTest.class.getName(), "999.999.999.999", "256.1.1.1", "192.0.2.7")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().reduce("", (a, b) -> a + b + "\n");
        }
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("999.999.999.999 -> null\n256.1.1.1 -> null\n192.0.2.7 -> 192.0.2.7\n");
    }

    /** Prints what {@link IpNetwork#literal} makes of each argument. */
    public static void main(String[] args) {
        for (String candidate : args) {
            InetAddress address = IpNetwork.literal(candidate);
            System.out.println(candidate + " -> " + (address == null ? "null" : address.getHostAddress()));
        }
    }
}
