package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.AuthClient.email;
import static io.betterauth.jakarta.it.AuthClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17: an application whose database names Better Auth's tables and columns its own way (Better Auth's
 * {@code modelName} and {@code fields}) shares them with a Node Better Auth configured with the same names. Better
 * Auth's own migration creates the renamed tables; our server (auto-migrate on) uses them unchanged; users, sessions
 * and revocations pass both ways, and every row is in the renamed tables and columns.
 *
 * <p>One Payara Micro process with the WAR {@code /renamed} and one Node process with the instance {@code renamed},
 * on the database {@code ba_interop} (recreated here, under {@link InteropDatabase}'s run lock). Tagged
 * {@code payara-only}, as {@link NodeServerInteropIT}.
 */
@Tag("payara-only")
class RenamedTablesInteropIT {

    /** Better Auth's options, as the Node server gets them; the same names as {@link #JAVA_NAMES}. */
    static final String MODELS = """
            {"user":{"modelName":"app_user","fields":{"email":"email_address","emailVerified":"email_verified","createdAt":"created_at"}},
             "session":{"modelName":"auth_session","fields":{"userId":"user_id","token":"session_token","expiresAt":"expires_at","ipAddress":"ip"}},
             "account":{"modelName":"auth_account","fields":{"userId":"owner_id","password":"password_hash","providerId":"provider","updatedAt":"updated_at"}},
             "verification":{"modelName":"auth_verification"}}""".replaceAll("\\s+", "");

    static final Map<String, String> JAVA_NAMES = Map.of(
            "better-auth.user.model-name", "app_user",
            "better-auth.user.fields", "{\"email\":\"email_address\",\"emailVerified\":\"email_verified\",\"createdAt\":\"created_at\"}",
            "better-auth.session.model-name", "auth_session",
            "better-auth.session.fields", "{\"userId\":\"user_id\",\"token\":\"session_token\",\"expiresAt\":\"expires_at\",\"ipAddress\":\"ip\"}",
            "better-auth.account.model-name", "auth_account",
            "better-auth.account.fields", "{\"userId\":\"owner_id\",\"password\":\"password_hash\",\"providerId\":\"provider\",\"updatedAt\":\"updated_at\"}",
            "better-auth.verification.model-name", "auth_verification");

    static Connection runLock;
    static PayaraMicroProcess server;
    static NodeBetterAuthServer node;
    static List<String> schemaAfterMigration;

    @BeforeAll
    static void startServers() throws Exception {
        try {
            NodeBetterAuthServer.checkInstalled();
            runLock = InteropDatabase.acquireRunLock();
            InteropDatabase.recreate();
            NodeBetterAuthServer.migrate(InteropDatabase.NODE_URL, MODELS);
            schemaAfterMigration = InteropDatabase.schema();
            assertThat(schemaAfterMigration).as("the renamed tables, created by Better Auth's migration")
                    .contains("auth_session.session_token text null=NO default=")
                    .noneMatch(l -> l.startsWith("session.") || l.startsWith("user."));

            int port = PayaraMicroProcess.freePort();
            Map<String, String> config = new HashMap<>(JAVA_NAMES);
            config.put("better-auth.secret", Deployments.SECRET);
            config.put("better-auth.url", "http://127.0.0.1:" + port);
            server = PayaraMicroProcess.named("interop-renamed").port(port)
                    .deploy("/renamed", Deployments.war("renamed", config))
                    .defaultDataSource(InteropDatabase.JDBC_URL, "org.postgresql.Driver")
                    .start();
            node = NodeBetterAuthServer.start(InteropDatabase.NODE_URL, NodeServerInteropIT.REDIS_URL,
                    "[{\"name\":\"renamed\",\"strategy\":\"off\",\"models\":" + MODELS + "}]");
            node.awaitReady(Duration.ofSeconds(60));
            server.awaitReady(NodeServerInteropIT.READY_TIMEOUT);
        } catch (Throwable e) {
            stopServers();
            throw e;
        }
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {node, server, runLock}) {
            if (c != null) {
                c.close();
            }
        }
        node = null;
        server = null;
        runLock = null;
    }

    static ServerPair servers() throws Exception {
        return new ServerPair(AuthClient.node(node, "renamed"), AuthClient.java(server, "/renamed"));
    }

    @Test
    void ourServer_usedTheRenamedTablesOfBetterAuthsMigration_unchanged() throws Exception {
        assertThat(InteropDatabase.schema()).isEqualTo(schemaAfterMigration);
        assertThat(NodeBetterAuthServer.read(server.log())).doesNotContain("Created Better Auth tables");
    }

    @ParameterizedTest(name = "signed up on {0}")
    @ValueSource(strings = {"node", "java"})
    void aUserSignedUpOnEither_signsInOnTheOther_fromTheRenamedRows(String side) throws Exception {
        ServerPair servers = servers();
        String email = email("renamed-" + side);
        JsonObject user = json(servers.on(side).signUp(email)).getJsonObject("user");

        assertThat(json(servers.otherThan(side).signIn(email)).getJsonObject("user")).isEqualTo(user);
        assertThat(rows("select \"email_address\", \"email_verified\"::text from \"app_user\" where \"id\" = ?",
                user.getString("id"))).containsExactly(email + "|false");
        assertThat(rows("select \"provider\", (\"password_hash\" ~ '^[0-9a-f]{32}:[0-9a-f]{128}$')::text from \"auth_account\" "
                + "where \"owner_id\" = ?", user.getString("id"))).containsExactly("credential|true");
    }

    @ParameterizedTest(name = "signed in on {0}")
    @ValueSource(strings = {"node", "java"})
    void aSessionFromEither_isAcceptedListedAndRevokedByTheOther(String side) throws Exception {
        ServerPair servers = servers();
        AuthClient here = servers.on(side);
        AuthClient there = servers.otherThan(side);
        String email = email("renamed-session-" + side);
        servers.java().signUp(email);

        Device device = here.signedIn(email);
        Device other = there.signedIn(email);
        String userId = here.userId(device);
        assertThat(there.sessionToken(device.cookies())).isEqualTo(device.token());
        assertThat(here.listedTokens(other)).isEqualTo(there.listedTokens(device)).contains(device.token(), other.token());
        assertThat(rows("select count(*) from \"auth_session\" where \"user_id\" = ? and \"expires_at\" > now()", userId))
                .containsExactly("3");

        assertThat(there.revokeSession(other, device.token())).isEqualTo(NodeServerInteropIT.STATUS_TRUE);
        here.assertNoSession(device);
        assertThat(rows("select count(*) from \"auth_session\" where \"session_token\" = ?", device.token()))
                .containsExactly("0");
    }

    /** The rows of a query with one parameter, each as its columns joined by {@code |}. */
    static List<String> rows(String sql, String parameter) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(InteropDatabase.JDBC_URL);
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(rs.getString(i));
                    }
                    rows.add(String.join("|", values));
                }
            }
        }
        return rows;
    }
}
