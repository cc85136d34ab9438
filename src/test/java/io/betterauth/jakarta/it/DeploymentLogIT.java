package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An application that has none of the library's optional jars (Micrometer, Jedis) deploys on Payara Micro without a SEVERE line
 * in the server log, nor a WARNING naming the library. Payara's deployment-time annotation scanner
 * ({@code Annotation-Framework}) reflects over every annotated class of the WAR, whatever {@code beans.xml}
 * excludes, and used to log {@code Class [ io/micrometer/core/instrument/MeterRegistry ] not found. Error while
 * loading [ class ...MicrometerAuthMetrics ]} for every adopter without Micrometer. Payara Micro is started by hand
 * ({@link PayaraMicroProcess}, log in {@code target/payara-deployment-log/server.log}) because the Arquillian
 * connector does not hand the test its output.
 */
@Tag("payara-only")
class DeploymentLogIT {

    @Test
    void anApplicationWithoutMicrometerOrJedis_deploysWithoutASevereLine() throws Exception {
        WebArchive war = Deployments.war("plain", Map.of("better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080"));
        // Jedis is optional too (only the Redis modes need it): without it as well, the app is an adopter's smallest
        List<ArchivePath> jedis = war.getContent().keySet().stream()
                .filter(p -> p.get().startsWith("/WEB-INF/lib/jedis-")).toList();
        assertThat(jedis).as("the test WAR carries Jedis, so removing it means something").isNotEmpty();
        jedis.forEach(war::delete);
        assertThat(war.getContent().keySet()).as("the WAR has no Micrometer of its own (Payara has none either)")
                .noneMatch(path -> path.get().contains("micrometer"));
        try (PayaraMicroProcess server = PayaraMicroProcess.named("deployment-log").deploy("/plain", war).start()) {
            server.awaitReady(Duration.ofSeconds(180));
            // the application answered, so its deployment is over; one record per "[<date>] [] [<level>] ..." line
            List<String> records = List.of(Files.readString(server.log(), StandardCharsets.ISO_8859_1)
                    .split("\n(?=\\[\\d{4}-)"));
            assertThat(records).filteredOn(r -> r.contains("SEVERE")).as("SEVERE records").isEmpty();
            assertThat(records).filteredOn(r -> r.contains("WARNING")
                            && (r.contains("io.betterauth") || r.contains("micrometer")))
                    .as("warnings naming the library or Micrometer").isEmpty();
            assertThat(records).as("the log was read").anyMatch(r -> r.contains("ready in"));
        }
    }
}
