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
 * The "active sessions" page shipped in the JAR, in a real browser: {@code src/test/node/sessions-page.mjs} drives
 * the system Chromium ({@code /usr/bin/chromium}, installed by {@code .ci/run}; never a downloaded browser) with
 * playwright-core, pinned in {@code src/test/node/package-lock.json}. Four browser contexts are four devices of one
 * user: the page lists them with the right "This device" marker and parsed browsers, revokes one by click and one
 * by keyboard, signs out all others and everywhere (each after a confirmation dialog, first cancelled by button or
 * Escape with nothing revoked, then confirmed), names the {@code updatedAt} column "Last refreshed", asks a stale session to sign in again, and keeps to its CSP.
 * Leaves a screenshot in {@code target/sessions-page.png}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionsPageIT {

    static final Path NODE_DIR = Path.of("src", "test", "node");
    static final long TIMEOUT_SECONDS = 180;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("sessions-page", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080"));
    }

    @ArquillianResource
    URL url;

    @Test
    void activeSessionsPage_inChromium() throws Exception {
        assertThat(NODE_DIR.resolve("node_modules").resolve("playwright-core").toFile())
                .as("src/test/node/node_modules is missing playwright-core: run `npm ci` there (Maven does it in "
                        + "generate-test-resources)")
                .isDirectory();
        String chromium = System.getProperty("chromium.executable", "/usr/bin/chromium");
        assertThat(new File(chromium))
                .as(chromium + " is missing: install Debian's chromium (`apt-get install -y chromium`; .ci/run does)")
                .canRead();
        String base = "http://127.0.0.1:" + url.getPort() + url.getPath().replaceAll("/$", "");
        Path screenshot = Files.createDirectories(Path.of("target")).resolve("sessions-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        NodeScript.run("sessions-page", TIMEOUT_SECONDS, Map.of("CHROMIUM_PATH", chromium,
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                "SESSIONS_PAGE_TIMEOUT_MS", String.valueOf((TIMEOUT_SECONDS - 20) * 1000)), base, screenshot.toString());
        assertThat(screenshot).as("the page's screenshot").isNotEmptyFile();
    }

}
