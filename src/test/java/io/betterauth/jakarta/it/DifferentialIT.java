package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential harness (issue 19, {@code docs/design/plugins.md} §4.3): every scenario of
 * {@code src/test/node/differential/scenarios} runs through the official {@code better-auth/client} against a Node
 * Better Auth 1.7.25 and against our server with the same configuration, and the normalised observations (status,
 * body, selected headers, Set-Cookie names, value classes and attributes) must not differ, except where
 * {@code differential/documented-options.json} lists the difference for that profile as one of those the README's
 * <em>Differences from Better Auth</em> names (for every profile: {@code Cache-Control: no-store} on answers that
 * set cookies, and the socket address as the stored client IP).
 *
 * <p>A profile of {@code differential/profiles.json} is a Node options fragment and our {@code better-auth.*}
 * properties. Servers: one Payara Micro process ({@link PayaraMicroProcess}, log in
 * {@code target/payara-differential/server.log}) with one WAR per profile at {@code /<profile>} on the container's
 * default (H2) data source, and one {@code node-server.mjs} process ({@link NodeBetterAuthServer}, output in
 * {@code target/node-interop/differential.*.txt}) with two Better Auth instances per profile ({@code <profile>} and
 * {@code <profile>-control}) on the PostgreSQL database {@code ba_differential}, created here when absent and migrated
 * by Better Auth itself. Scenarios sign up their own users with unique addresses, so the database is never dropped
 * and concurrent runs do not disturb each other. Each run of {@code differential/run.mjs} writes its output and the
 * normalised observations of both sides to {@code target/differential-<profile>-<java|control>/}.
 *
 * <p>Two controls prove the harness itself: Node against a second Node with the same profile shows no difference
 * (the normalisation absorbs every generated id, token and clock value), and Node with {@code plain} against Node
 * with {@code bearer} shows the bearer plugin's headers as differences. Tagged {@code payara-only}, like
 * {@link OfficialClientIT}.
 */
@Tag("payara-only")
class DifferentialIT {

    static final Path DIFFERENTIAL = Path.of("src", "test", "node", "differential");
    static final String DATABASE = "ba_differential";
    static final String NODE_URL = "postgres://postgres@127.0.0.1:5432/" + DATABASE;
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    static final long RUN_TIMEOUT_SECONDS = 300;

    static PayaraMicroProcess server;
    static NodeBetterAuthServer node;

    static JsonObject profilesJson() throws IOException {
        try (Reader r = Files.newBufferedReader(DIFFERENTIAL.resolve("profiles.json"), StandardCharsets.UTF_8);
             JsonReader json = Json.createReader(r)) {
            return json.readObject();
        }
    }

    /**
     * The profiles of {@code profiles.json}, or those named in the system property {@code differential.profiles}
     * (comma-separated; a run by hand while working on some of them deploys only those).
     */
    static List<String> profiles() throws IOException {
        List<String> all = new ArrayList<>(profilesJson().keySet());
        String only = System.getProperty("differential.profiles", "").trim();
        if (only.isEmpty()) {
            return all;
        }
        List<String> named = List.of(only.split("\\s*,\\s*"));
        assertThat(all).as("differential.profiles names profiles of profiles.json").containsAll(named);
        return all.stream().filter(named::contains).toList();
    }

    @BeforeAll
    static void startServers() throws Exception {
        NodeBetterAuthServer.checkInstalled();
        JsonObject profiles = profilesJson();
        createDatabaseIfAbsent();
        // Better Auth's migration with every plugin a profile names (the jwt plugin's jwks table)
        Set<String> plugins = new TreeSet<>();
        for (String profile : profiles.keySet()) {
            JsonArray named = profiles.getJsonObject(profile).getJsonObject("node").getJsonArray("plugins");
            if (named != null) {
                // "jwt", or {"id": "admin", "options": {…}}
                named.forEach(p -> plugins.add(p instanceof JsonString id ? id.getString()
                        : p.asJsonObject().getString("id")));
            }
        }
        NodeBetterAuthServer.migrateWithPlugins(NODE_URL, String.join(",", plugins));

        JsonArrayBuilder instances = Json.createArrayBuilder();
        PayaraMicroProcess.Builder builder = PayaraMicroProcess.named("differential").jvmOption("-Duser.timezone=UTC");
        WebArchive base = null;
        for (String profile : profiles.keySet()) {
            for (String name : List.of(profile, profile + "-control")) {
                instances.add(Json.createObjectBuilder().add("name", name)
                        .add("options", profiles.getJsonObject(profile).getJsonObject("node")));
            }
        }
        for (String profile : profiles()) {
            JsonObject p = profiles.getJsonObject(profile);
            Map<String, String> config = new HashMap<>();
            p.getJsonObject("java").forEach((k, v) -> config.put(k, p.getJsonObject("java").getString(k)));
            config.put("better-auth.secret", Deployments.SECRET);
            config.put("better-auth.url", "http://localhost:8080");
            // the test WARs turn our sessions page on; it is no Better Auth endpoint, so the library's default (off)
            config.putIfAbsent("better-auth.sessions-page.enabled", Deployments.UNSET);
            WebArchive war = base == null ? Deployments.war(profile, config)
                    : Deployments.reconfigured(base, profile, config);
            if (base == null) {
                base = war;
            }
            builder.deploy("/" + profile, war);
        }
        server = builder.start();
        try {
            node = NodeBetterAuthServer.start("differential", NODE_URL, "none", instances.build().toString());
            node.awaitReady(Duration.ofSeconds(60));
            server.awaitReady(READY_TIMEOUT);
        } catch (Throwable e) {
            stopServers();
            throw e;
        }
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
        if (node != null) {
            node.close();
            node = null;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void ourServer_answersTheOfficialClientAsBetterAuthDoes(String profile) throws Exception {
        NodeScript.Outcome run = differential(profile, "java", nodeUrl(profile), server.url("/" + profile));
        assertThat(run.exitCode()).as("undocumented differences from Better Auth" + run.output()).isZero();
        assertThat(run.stdout()).as(run.output()).containsPattern("differential: [1-9]\\d* scenarios, 0 differences");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void betterAuth_againstItself_hasNoDifferences(String profile) throws Exception {
        NodeScript.Outcome run = differential(profile, "control", nodeUrl(profile), nodeUrl(profile + "-control"));
        assertThat(run.exitCode()).as("the harness's normalisation absorbs ids, tokens and clocks" + run.output())
                .isZero();
        assertThat(run.stdout()).as(run.output()).containsPattern("differential: [1-9]\\d* scenarios, 0 differences");
    }

    @Test
    void theHarness_reportsAnotherConfiguration() throws Exception {
        NodeScript.Outcome run = differential("plain", "plain-vs-bearer", nodeUrl("plain"), nodeUrl("bearer"));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stdout()).as("the bearer plugin's header, seen as a difference" + run.output())
                .contains("DIFF core/sign-up: POST /sign-up/email #1 headers.set-auth-token\n"
                        + "    node: (absent)\n"
                        + "    java: \"signed(<token:1>)\"")
                .containsPattern("differential: \\d+ scenarios, [1-9]\\d* differences");
    }

    private static NodeScript.Outcome differential(String profile, String what, String reference, String tested)
            throws IOException, InterruptedException {
        return NodeScript.execute("differential/run", "differential-" + profile + "-" + what, RUN_TIMEOUT_SECONDS,
                Map.of("BETTER_AUTH_SECRET", Deployments.SECRET,
                        "DIFFERENTIAL_TIMEOUT_SECONDS", String.valueOf(RUN_TIMEOUT_SECONDS - 20),
                        "DIFFERENTIAL_DUMP", Path.of("target", "differential-" + profile + "-" + what, "observations")
                                .toAbsolutePath().toString()),
                profile, reference, tested);
    }

    private static String nodeUrl(String instance) {
        return "http://127.0.0.1:" + node.port(instance);
    }

    /** {@code ba_differential}, created once; never dropped (see the class comment). */
    private static void createDatabaseIfAbsent() throws SQLException {
        try (Connection c = DriverManager.getConnection(InteropDatabase.ADMIN_URL)) {
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                ps.setString(1, DATABASE);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("create database " + DATABASE);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another run created it meanwhile
                    throw e;
                }
            }
        }
    }
}
