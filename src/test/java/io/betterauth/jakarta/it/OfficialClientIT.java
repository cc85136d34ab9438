package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

        Path logs = Files.createDirectories(Path.of("target", "client-interop"));
        File out = logs.resolve("stdout.txt").toFile();
        File err = logs.resolve("stderr.txt").toFile();
        ProcessBuilder pb = new ProcessBuilder(List.of(System.getProperty("node.executable", "node"),
                "client-interop.mjs", base))
                .directory(NODE_DIR.toFile())
                .redirectOutput(out)
                .redirectError(err);
        pb.environment().put("BETTER_AUTH_SECRET", Deployments.SECRET);
        pb.environment().put("NO_COLOR", "1");

        long start = System.nanoTime();
        Process node = pb.start();
        node.getOutputStream().close();
        boolean finished;
        try {
            finished = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            if (node.isAlive()) {
                node.descendants().forEach(ProcessHandle::destroyForcibly);
                node.destroyForcibly();
                node.waitFor(10, TimeUnit.SECONDS);
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String output = "\n--- node client-interop.mjs " + base + " (" + millis + " ms) ---\n--- stdout ---\n" + read(out)
                + "--- stderr ---\n" + read(err);
        if (!finished) {
            fail("node did not finish within " + TIMEOUT_SECONDS + " s and was killed" + output);
        }
        System.out.println(output);
        assertThat(node.exitValue()).as("exit code of the Node interop script" + output).isZero();
        assertThat(read(out)).as(output).containsPattern("client-interop: \\d+ checks passed");
    }

    static String read(File f) throws IOException {
        return f.exists() ? Files.readString(f.toPath(), StandardCharsets.UTF_8) : "";
    }
}
