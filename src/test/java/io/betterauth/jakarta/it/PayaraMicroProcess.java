package io.betterauth.jakarta.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One Payara Micro process started by hand (not through Arquillian), for tests that need several servers at once or
 * per-process options: {@code java -jar target/payara-micro.jar --deploy <war>:<context root> … --port <free port>
 * --nocluster --disablephonehome --rootDir target/payara-<name>/runtime [--postbootcommandfile <file>]
 * [--addlibs <jars>]}, run with the test JVM's {@code java.home}, {@code -Xmx512m}, C1 only, the serial GC and
 * {@code -Djava.io.tmpdir=target}. Its output goes to {@code target/payara-<name>/server.log}; the runtime
 * directory is removed once it stopped. Servers are always reached on 127.0.0.1 (Payara binds 0.0.0.0).
 *
 * <pre>{@code
 * try (PayaraMicroProcess a = PayaraMicroProcess.named("a")
 *         .deploy("/app", Deployments.war("app", config))
 *         .defaultDataSource("jdbc:postgresql://127.0.0.1:5432/db?user=postgres", "org.postgresql.Driver")
 *         .start()) {
 *     a.awaitReady(Duration.ofSeconds(120));
 *     String base = a.url("/app");
 * }
 * }</pre>
 *
 * {@link Builder#start()} returns at once, so several processes start in parallel; {@link #awaitReady(Duration)}
 * polls {@code GET <context root>/api/auth/get-session} of every deployed application until each answers 200 (and
 * fails at once when the process exits, or 20 s after Micro said "ready" when an application still does not answer,
 * i.e. failed to deploy).
 * {@link #close()} always stops the process (SIGTERM, then a forced kill after 30 s), and a JVM shutdown hook does
 * the same if the test JVM ends first.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final java.util.regex.Pattern READY =
            java.util.regex.Pattern.compile("Payara Micro [^\\n]* ready in [0-9,.]+ \\(ms\\)");

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final List<String> contextRoots;
    private final Thread shutdownHook;
    private final Path rootDir;
    private long bootedAt;

    private PayaraMicroProcess(String name, int port, Process process, Path log, List<String> contextRoots,
                               Path rootDir) {
        this.name = name;
        this.rootDir = rootDir;
        this.port = port;
        this.process = process;
        this.log = log;
        this.contextRoots = contextRoots;
        this.shutdownHook = new Thread(this::stop, "stop-payara-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port><contextRoot>}, without a trailing slash. */
    public String url(String contextRoot) {
        return ("http://127.0.0.1:" + port + contextRoot).replaceAll("/$", "");
    }

    public Path log() {
        return log;
    }

    /**
     * Waits until every deployed application answers {@code GET <root>/api/auth/get-session} with 200.
     *
     * @throws IllegalStateException with the end of the server log when the process exits or the time runs out
     */
    public PayaraMicroProcess awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> waiting = new ArrayList<>(contextRoots);
        while (!waiting.isEmpty()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro '" + name + "' exited with " + process.exitValue()
                        + " before it was ready" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Payara Micro '" + name + "' was not ready within " + timeout
                        + " (still waiting for " + waiting + ")" + logTail());
            }
            if (bootedAt == 0 && booted()) {
                bootedAt = System.nanoTime();
            }
            if (bootedAt != 0 && System.nanoTime() - bootedAt > TimeUnit.SECONDS.toNanos(20)) {
                // Micro said it was ready 20 s ago, so an application that still does not answer failed to deploy.
                throw new IllegalStateException("Payara Micro '" + name + "' started, but " + waiting
                        + " did not answer 200" + logTail());
            }
            String root = waiting.get(0);
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url(root) + "/api/auth/get-session"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    waiting.remove(0);
                    continue;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return this;
    }

    /**
     * Waits until Payara Micro said it is ready, i.e. attempted every deployment, whether or not they succeeded (for
     * tests of applications that must fail to deploy).
     *
     * @throws IllegalStateException with the end of the server log when the process exits or the time runs out
     */
    public PayaraMicroProcess awaitBooted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!booted()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro '" + name + "' exited with " + process.exitValue()
                        + " before it was ready" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Payara Micro '" + name + "' was not ready within " + timeout
                        + logTail());
            }
            Thread.sleep(500);
        }
        return this;
    }

    /** Whether the log has Payara Micro's "… ready in … (ms)" line, written once every deployment was attempted. */
    private boolean booted() {
        try {
            return READY.matcher(Files.readString(log, StandardCharsets.ISO_8859_1)).find();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The last 80 lines of the server log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "\n(no log at " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (or ran) stop() itself
        }
    }

    private synchronized void stop() {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            } finally {
                children.forEach(ProcessHandle::destroyForcibly);
            }
        }
        if (!process.isAlive()) {
            deleteRecursively(rootDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: it is under target/
        }
    }

    @Override
    public String toString() {
        return "Payara Micro '" + name + "' on 127.0.0.1:" + port + " " + contextRoots;
    }

    /** A free TCP port on loopback at the time of the call. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    public static final class Builder {

        private final String name;
        private final Map<String, WebArchive> apps = new LinkedHashMap<>();
        private final List<String> postBoot = new ArrayList<>();
        private final List<Path> libs = new ArrayList<>();
        /** Test servers live minutes: C1 only and the serial GC start them about a third faster on 2 cores. */
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-Djava.net.preferIPv4Stack=true",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        private int port;

        private Builder(String name) {
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("name: letters, digits, _ and - only");
            }
            this.name = name;
        }

        /** Deploys this WAR at this context root ({@code /something}). */
        public Builder deploy(String contextRoot, WebArchive war) {
            if (!contextRoot.matches("/[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("contextRoot: /name");
            }
            apps.put(contextRoot, war);
            return this;
        }

        /** The HTTP port; a free one when not set. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** A further option for the server's JVM, e.g. {@code -XX:TieredStopAtLevel=1}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** An asadmin command run after boot, before the applications deploy. */
        public Builder postBootCommand(String command) {
            postBoot.add(command);
            return this;
        }

        /** A JAR on the server's class path ({@code --addlibs}), e.g. a JDBC driver. */
        public Builder addLib(Path jar) {
            libs.add(jar.toAbsolutePath());
            return this;
        }

        /**
         * Points the container's default data source ({@code jdbc/__default}, which the library's persistence unit
         * uses through {@code java:comp/DefaultDataSource}) at this JDBC URL, as {@code bin/run-demo} does: a
         * connection pool created by a post-boot command, and the driver's JAR (found on the test class path) added
         * to the server.
         */
        public Builder defaultDataSource(String jdbcUrl, String driverClass) {
            Path driverJar;
            try {
                Class<?> driver = Class.forName(driverClass);
                driverJar = Path.of(driver.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (ReflectiveOperationException | java.net.URISyntaxException | RuntimeException e) {
                throw new IllegalStateException(driverClass + " is not on the test class path", e);
            }
            String escaped = jdbcUrl.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
            String pool = "betterAuthTestPool";
            postBootCommand("create-jdbc-connection-pool --restype java.sql.Driver --driverclassname " + driverClass
                    + " --steadypoolsize 2 --maxpoolsize 16 --property url=" + escaped + " " + pool);
            postBootCommand("set resources.jdbc-resource.jdbc/__default.pool-name=" + pool);
            return addLib(driverJar);
        }

        /** Exports the WARs to {@code target/payara-<name>/} and starts the process; does not wait for it. */
        public PayaraMicroProcess start() throws IOException {
            if (apps.isEmpty()) {
                throw new IllegalStateException("Nothing to deploy");
            }
            Path jar = TARGET.resolve("payara-micro.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: the build copies it in process-test-resources");
            }
            Path dir = Files.createDirectories(TARGET.resolve("payara-" + name));
            int httpPort = port != 0 ? port : freePort();
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-Djava.io.tmpdir=" + TARGET, "-jar", jar.toString()));
            for (Map.Entry<String, WebArchive> app : apps.entrySet()) {
                File war = dir.resolve(app.getKey().substring(1) + ".war").toFile();
                app.getValue().as(ZipExporter.class).exportTo(war, true);
                cmd.add("--deploy");
                cmd.add(war.getAbsolutePath() + File.pathSeparator + app.getKey());
            }
            // Its own runtime directory, emptied before the start and removed after the stop.
            Path rootDir = dir.resolve("runtime");
            deleteRecursively(rootDir);
            cmd.addAll(List.of("--rootDir", rootDir.toString()));
            cmd.addAll(List.of("--port", Integer.toString(httpPort), "--nocluster", "--disablephonehome"));
            if (!postBoot.isEmpty()) {
                Path commands = dir.resolve("postboot.asadmin");
                Files.writeString(commands, String.join("\n", postBoot) + "\n", StandardCharsets.UTF_8);
                cmd.add("--postbootcommandfile");
                cmd.add(commands.toString());
            }
            if (!libs.isEmpty()) {
                cmd.add("--addlibs");
                cmd.add(String.join(File.pathSeparator, libs.stream().map(Path::toString).toList()));
            }
            Path log = dir.resolve("server.log");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            // The applications' configuration comes from their web.xml only, never from this JVM's environment.
            pb.environment().keySet().removeIf(k -> k.startsWith("BETTER_AUTH_") || k.equals("AUTH_SECRET"));
            Process process = pb.start();
            Files.writeString(dir.resolve("command.txt"), String.join(" ", cmd) + "\n", StandardCharsets.UTF_8);
            return new PayaraMicroProcess(name, httpPort, process, log, List.copyOf(apps.keySet()), rootDir);
        }
    }
}
