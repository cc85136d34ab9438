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
        Outcome outcome = execute(name, name, timeoutSeconds, env, args);
        assertThat(outcome.exitCode()).as("exit code of " + name + outcome.output()).isZero();
        assertThat(outcome.stdout()).as(outcome.output()).containsPattern(name + ": \\d+ checks passed");
        return outcome.stdout();
    }

    /** How a script ended: its exit code, its standard output, and both outputs with the command for messages. */
    record Outcome(int exitCode, String stdout, String output) {
    }

    /**
     * Runs {@code <script>.mjs} (a path below {@code src/test/node}) with its output in {@code target/<logName>/},
     * and answers how it ended, whatever its exit code; fails only when it overran and was killed.
     */
    static Outcome execute(String script, String logName, long timeoutSeconds, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules"))) {
            fail(NODE_DIR + "/node_modules is missing: run `npm ci` there (the Maven build does it)");
        }
        Path logs = Files.createDirectories(Path.of("target", logName));
        File out = logs.resolve("stdout.txt").toFile();
        File err = logs.resolve("stderr.txt").toFile();
        List<String> command = new ArrayList<>(List.of(System.getProperty("node.executable", "node"), script + ".mjs"));
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
        return new Outcome(node.exitValue(), stdout, output);
    }

    private static String read(File f) throws IOException {
        return f.exists() ? Files.readString(f.toPath(), StandardCharsets.UTF_8) : "";
    }
}
