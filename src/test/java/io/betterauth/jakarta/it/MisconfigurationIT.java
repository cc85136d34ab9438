package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.it.app.LoneUserStore;
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
 * Configuration mistakes stop the deployment on a real server with the message the README promises, and the server
 * log never shows a configured password. One small WAR per mistake, each on a Payara Micro of its own: a
 * misspelled key, a Redis URL in an application without Jedis, a custom {@code UserStore} without a
 * {@code SessionStore}.
 */
@Tag("payara-only")
class MisconfigurationIT {

    private static final String PASSWORD = "s3cret-redis-pw";

    @Test
    void eachMistake_stopsItsDeployment_withAClearMessage_andNoPassword() throws Exception {
        WebArchive misspelled = Deployments.war("misspelled", Map.of("better-auth.secret", Deployments.SECRET,
                "better-auth.sesion.expires-in", "60"));
        WebArchive noJedis = Deployments.reconfigured(misspelled, "nojedis", Map.of("better-auth.secret",
                Deployments.SECRET, "better-auth.secondary-storage.redis-url",
                "redis://:" + PASSWORD + "@127.0.0.1:6379/0"));
        List<ArchivePath> jedis = noJedis.getContent().keySet().stream()
                .filter(p -> p.get().startsWith("/WEB-INF/lib/jedis-")).toList();
        assertThat(jedis).as("the test WAR carries Jedis, so removing it means something").isNotEmpty();
        jedis.forEach(noJedis::delete);
        WebArchive loneStore = Deployments.reconfigured(misspelled, "lonestore",
                Map.of("better-auth.secret", Deployments.SECRET)).addClass(LoneUserStore.class);
        // Payara Micro stops initializing the remaining applications after one fails (a
        // ConcurrentModificationException in InitializeAllApplicationsCommand), so each WAR gets a server of its own,
        // started in parallel.
        try (PayaraMicroProcess a = PayaraMicroProcess.named("misconfig-key").deploy("/misspelled", misspelled).start();
             PayaraMicroProcess b = PayaraMicroProcess.named("misconfig-jedis").deploy("/nojedis", noJedis).start();
             PayaraMicroProcess c = PayaraMicroProcess.named("misconfig-store").deploy("/lonestore", loneStore)
                     .start()) {
            assertThat(bootedLog(a)).contains("better-auth.sesion.expires-in is not a known configuration key; did "
                    + "you mean better-auth.session.expires-in?");
            assertThat(bootedLog(b)).contains("better-auth.secondary-storage.redis-url is set, but Jedis is not on the "
                    + "class path: add redis.clients:jedis:8.0.2 to the application")
                    .doesNotContain(PASSWORD).doesNotContain("NoClassDefFoundError");
            assertThat(bootedLog(c)).contains("The application has a custom UserStore bean ("
                    + LoneUserStore.class.getName() + ") but no SessionStore: a custom UserStore needs a custom "
                    + "SessionStore too");
        }
    }

    /** The server's log once it attempted its deployment. */
    private static String bootedLog(PayaraMicroProcess server) throws Exception {
        server.awaitBooted(Duration.ofSeconds(240));
        return Files.readString(server.log(), StandardCharsets.ISO_8859_1);
    }
}
