package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Interoperability with the real Better Auth 1.7.25: the official JS client ({@code better-auth/client}) signs up,
 * signs in on a second device, reads sessions, gets our errors and signs out against this server, and better-call's
 * own cookie signer and reader check our signed cookies both ways. The Node side is
 * {@code src/test/node/client-interop.mjs}; its dependencies are pinned in {@code src/test/node/package-lock.json}
 * and installed by {@code npm ci} in Maven's generate-test-resources phase.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OfficialClientIT {

    static final Path NODE_DIR = Path.of("src", "test", "node");
    static final long TIMEOUT_SECONDS = 120;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("client", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080"));
    }

    @ArquillianResource
    URL url;

    @Test
    void officialClient_andRealCookieSigner_agreeWithOurServer() throws Exception {
        assertThat(NODE_DIR.resolve("node_modules").resolve("better-auth").toFile())
                .as("src/test/node/node_modules is missing: run `npm ci` there (Maven does it in generate-test-resources)")
                .isDirectory();
        String base = "http://127.0.0.1:" + url.getPort() + url.getPath().replaceAll("/$", "");

        NodeScript.run("client-interop", TIMEOUT_SECONDS, Map.of("BETTER_AUTH_SECRET", Deployments.SECRET), base);
    }

}
