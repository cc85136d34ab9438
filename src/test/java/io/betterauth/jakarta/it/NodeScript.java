package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the Node scripts in {@code src/test/node} (the real Better Auth client, a browser driver, …) with a
 * bounded time: the whole process tree (a browser included) is killed when it overruns. Output goes to
 * {@code target/<name>/} and into the failure message; the script must exit 0 and print {@code "<name>: N checks
 * passed"}.
 */
final class NodeScript {

    static final Path NODE_DIR = Path.of("src", "test", "node");

    private NodeScript() {
    }

    static String run(String name, long timeoutSeconds, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules"))) {
            fail(NODE_DIR + "/node_modules is missing: run `npm ci` there (the Maven build does it)");
        }
        Path logs = Files.createDirectories(Path.of("target", name));
        File out = logs.resolve("stdout.txt").toFile();
        File err = logs.resolve("stderr.txt").toFile();
        List<String> command = new ArrayList<>(List.of(System.getProperty("node.executable", "node"), name + ".mjs"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectOutput(out).redirectError(err);
        pb.environment().putAll(env);
        pb.environment().put("NO_COLOR", "1");
        long start = System.nanoTime();
        Process node = pb.start();
        node.getOutputStream().close();
        boolean finished;
        try {
            finished = node.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } finally {
            if (node.isAlive()) {
                node.descendants().forEach(ProcessHandle::destroyForcibly);
                node.destroyForcibly();
                node.waitFor(10, TimeUnit.SECONDS);
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String stdout = read(out);
        String output = "\n--- node " + String.join(" ", command.subList(1, command.size())) + " (" + millis
                + " ms) ---\n--- stdout ---\n" + stdout + "--- stderr ---\n" + read(err);
        if (!finished) {
            fail("node did not finish within " + timeoutSeconds + " s and was killed" + output);
        }
        System.out.println(output);
        assertThat(node.exitValue()).as("exit code of " + name + output).isZero();
        assertThat(stdout).as(output).containsPattern(name + ": \\d+ checks passed");
        return stdout;
    }

    private static String read(File f) throws IOException {
        return f.exists() ? Files.readString(f.toPath(), StandardCharsets.UTF_8) : "";
    }
}
