package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Better Auth 1.7.25 on Node for {@link NodeServerInteropIT}: {@code node node-server.mjs serve …} in
 * {@code src/test/node}, one Better Auth per configuration, each on its own loopback port, and
 * {@code node node-server.mjs migrate} (Better Auth's own migration). Output in {@code target/node-interop/}.
 */
final class NodeBetterAuthServer implements AutoCloseable {

    static final Path NODE_DIR = Path.of("src", "test", "node");
    static final Path LOGS = Path.of("target", "node-interop");

    private final Process process;
    private final Path out;
    private final Path err;
    private Map<String, Integer> ports = Map.of();

    private NodeBetterAuthServer(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Fails unless {@code npm ci} ran in {@code src/test/node}; creates the log directory. */
    static void checkInstalled() throws IOException {
        assertThat(NODE_DIR.resolve("node_modules/better-auth").toFile())
                .as("src/test/node/node_modules is missing: run `npm ci` there (Maven does it)").isDirectory();
        assertThat(NODE_DIR.resolve("node_modules/pg").toFile())
                .as("src/test/node/node_modules/pg is missing: run `npm ci` in src/test/node").isDirectory();
        Files.createDirectories(LOGS);
    }

    /** Better Auth's own migration of this PostgreSQL database ({@code postgres://…}). */
    static void migrate(String postgresUrl) throws Exception {
        run("migrate", List.of("migrate", postgresUrl), Duration.ofSeconds(60), "MIGRATED");
    }

    /** The same, with tables and columns renamed by Better Auth's {@code modelName}/{@code fields} options (JSON). */
    static void migrate(String postgresUrl, String modelsJson) throws Exception {
        run("migrate-renamed", List.of("migrate", postgresUrl, modelsJson), Duration.ofSeconds(60), "MIGRATED");
    }

    /** The same, with the tables of these Better Auth plugins too (comma-separated ids, e.g. {@code jwt}). */
    static void migrateWithPlugins(String postgresUrl, String pluginIds) throws Exception {
        run("migrate", List.of("migrate", postgresUrl, "{}", pluginIds), Duration.ofSeconds(60), "MIGRATED");
    }

    /** Starts {@code serve} with these instances (a JSON array of {@code node-server.mjs} configurations). */
    static NodeBetterAuthServer start(String postgresUrl, String redisUrl, String instancesJson) throws IOException {
        return start("serve", postgresUrl, redisUrl, instancesJson);
    }

    /**
     * The same, with the output in {@code target/node-interop/<logName>.out|err.txt}; {@code redisUrl} may be
     * {@code none} when no instance uses secondary storage.
     */
    static NodeBetterAuthServer start(String logName, String postgresUrl, String redisUrl, String instancesJson)
            throws IOException {
        Path out = LOGS.resolve(logName + ".out.txt");
        Path err = LOGS.resolve(logName + ".err.txt");
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("node.executable", "node"), "node-server.mjs",
                "serve", postgresUrl, redisUrl, instancesJson.replaceAll("\\s+", ""))
                .directory(NODE_DIR.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        environment(pb);
        return new NodeBetterAuthServer(pb.start(), out, err);
    }

    private static void run(String name, List<String> args, Duration timeout, String expected) throws Exception {
        Path out = LOGS.resolve(name + ".out.txt");
        Path err = LOGS.resolve(name + ".err.txt");
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("node.executable", "node"), "node-server.mjs"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(NODE_DIR.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        environment(pb);
        Process p = pb.start();
        try {
            p.getOutputStream().close();
            boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            String output = "\n--- stdout ---\n" + read(out) + "--- stderr ---\n" + read(err);
            assertThat(done).as("node node-server.mjs " + name + " finished in time" + output).isTrue();
            assertThat(p.exitValue()).as("exit code of node node-server.mjs " + name + output).isZero();
            assertThat(read(out)).as(output).contains(expected);
        } finally {
            p.destroyForcibly();
        }
    }

    private static void environment(ProcessBuilder pb) {
        pb.environment().keySet().removeIf(k -> k.startsWith("BETTER_AUTH_") || k.equals("AUTH_SECRET"));
        pb.environment().put("BETTER_AUTH_SECRET", Deployments.SECRET);
        pb.environment().put("BETTER_AUTH_TELEMETRY", "0");
        pb.environment().put("NODE_SERVER_MAX_SECONDS", "900");
        pb.environment().remove("NODE_ENV");
        pb.environment().put("NO_COLOR", "1");
    }

    /** Waits for the {@code READY {"name":port,…}} line. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = read(out).lines().filter(l -> l.startsWith("READY ")).findFirst().orElse(null);
            if (line != null) {
                JsonObject o = AuthClient.json(line.substring("READY ".length()));
                Map<String, Integer> p = new HashMap<>();
                o.forEach((k, v) -> p.put(k, Integer.parseInt(v.toString())));
                ports = p;
                return;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("node node-server.mjs serve did not become ready"
                        + (process.isAlive() ? " in " + timeout : " (exit " + process.exitValue() + ")")
                        + "\n--- stdout ---\n" + read(out) + "--- stderr ---\n" + read(err));
            }
            Thread.sleep(200);
        }
    }

    int port(String name) {
        Integer p = ports.get(name);
        if (p == null) {
            throw new IllegalArgumentException("No Node instance " + name + " in " + ports);
        }
        return p;
    }

    @Override
    public void close() throws Exception {
        try {
            process.getOutputStream().close(); // the script stops when its standard input closes
        } catch (IOException e) {
            // already closed
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    @Override
    public String toString() {
        return "node-server.mjs " + ports;
    }
}
