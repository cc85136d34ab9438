package io.betterauth.jakarta.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/lib/redis-topologies.sh} keeps the Redis servers' configuration, node files and logs in a directory
 * it writes as whoever runs {@code bin/test} (root in CI). A directory someone else could have prepared (a symbolic
 * link, or one another user owns, as a fixed name under {@code /tmp} invites) would let that user choose what the
 * servers write and where, or rewrite the Sentinel's configuration (its scripts run as the caller) before it starts.
 */
class RedisTopologiesScriptTest {

    static final Path SCRIPT = Path.of("bin/lib/redis-topologies.sh");

    record Run(int exit, String output) {
    }

    static Run run(Path dir, String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), command).redirectErrorStream(true);
        builder.environment().put("BA_REDIS_TOPOLOGIES_DIR", dir.toString());
        builder.environment().put("REDIS_TOPOLOGIES_STATE", dir.resolveSibling("state-" + System.nanoTime())
                .toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void aDirectoryThatIsASymbolicLink_isRefused_andNothingIsWrittenWhereItPoints(@TempDir Path temp)
            throws Exception {
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(temp.resolve("topologies"), elsewhere);

        Run run = run(link, "status");

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("refusing").contains(link.toString());
        try (Stream<Path> written = Files.list(elsewhere)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void itsOwnDirectory_isCreatedForItsUserAlone(@TempDir Path temp) throws Exception {
        Path dir = temp.resolve("topologies");

        run(dir, "status");

        assertThat(Files.isDirectory(dir)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }
}
