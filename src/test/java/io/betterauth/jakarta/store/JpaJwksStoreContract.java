package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.config.ModelNames;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.plugin.jwt.AccessTokenSigner;
import io.betterauth.jakarta.core.plugin.jwt.KeyRing;
import io.betterauth.jakarta.core.plugin.jwt.PrivateKeyEnvelope;
import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.spi.JwksStore;
import io.betterauth.jakarta.store.jpa.JdbcPersistenceUnit;
import io.betterauth.jakarta.store.jpa.jwks.JpaJwksStore;
import io.betterauth.jakarta.store.jpa.schema.SchemaInstaller;
import io.betterauth.jakarta.testing.MutableClock;
import io.betterauth.jakarta.testing.TestVectors;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code jwks} contract on JPA (the library's own persistence unit, Hibernate here) against a real database
 * whose tables come from the DDL the JAR ships, a fresh database or schema per test; plus the table itself: created
 * only when the {@code jwt} plugin is on, also beside existing core tables, and holding a row written by Better Auth.
 */
abstract class JpaJwksStoreContract extends JwksStoreContract {

    private String url;
    private JdbcPersistenceUnit unit;
    private JpaJwksStore jwks;

    /** The JDBC URL of a fresh, empty database or schema. */
    protected abstract String createDatabase() throws SQLException;

    protected abstract void dropDatabase() throws SQLException;

    protected abstract String user();

    @Override
    protected JwksStore jwks() {
        return jwks;
    }

    @BeforeEach
    void start() throws SQLException {
        url = createDatabase();
        try (Connection c = DriverManager.getConnection(url, user(), "")) {
            SchemaInstaller.installIfMissing(c, ModelNames.defaults(), true);
        }
        unit = JdbcPersistenceUnit.open(url, user(), "", ModelNames.defaults());
        jwks = new JpaJwksStore(unit.transactions());
    }

    @AfterEach
    void stop() throws SQLException {
        if (unit != null) {
            unit.close();
        }
        dropDatabase();
    }

    private boolean hasJwksTable(Connection c) throws SQLException {
        for (String name : new String[] {"jwks", "JWKS"}) {
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theJwksTable_isCreatedOnlyWhenTheJwtPluginIsOn_alsoBesideExistingCoreTables() throws SQLException {
        String other = createDatabase();
        try (Connection c = DriverManager.getConnection(other, user(), "")) {
            assertThat(SchemaInstaller.installIfMissing(c, ModelNames.defaults(), false)).isTrue();
            assertThat(hasJwksTable(c)).isFalse();
            assertThat(SchemaInstaller.installIfMissing(c, ModelNames.defaults(), true)).isFalse(); // core tables exist
            assertThat(hasJwksTable(c)).isTrue();
            assertThat(SchemaInstaller.installJwksIfMissing(c)).isFalse();
        } finally {
            dropSecond(other);
        }
    }

    /** Drops a database made by {@link #createDatabase()} besides this test's own. */
    protected abstract void dropSecond(String url) throws SQLException;

    @Test
    void aRowWrittenByBetterAuth_isRead_andItsKeySignsNodesTokenByteForByte() throws SQLException {
        JsonObject file = TestVectors.read("jwt-better-auth-1.7.25.json").asJsonObject();
        JsonObject key = file.getJsonArray("keys").getJsonObject(0);
        JsonObject row = key.getJsonObject("row");
        try (Connection c = DriverManager.getConnection(url, user(), "")) {
            String q = SchemaInstaller.quote(SchemaInstaller.dialect(c));
            String columns = String.join(", ", List.of("id", "publicKey", "privateKey", "createdAt", "alg", "crv")
                    .stream().map(n -> q + n + q).toList());
            try (PreparedStatement st = c.prepareStatement("insert into " + q + "jwks" + q + " (" + columns
                    + ") values (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, row.getString("id"));
                st.setString(2, row.getString("publicKey"));
                st.setString(3, row.getString("privateKey"));
                st.setTimestamp(4, Timestamp.from(Instant.parse(row.getString("createdAt"))));
                st.setString(5, row.getString("alg"));
                st.setString(6, row.getString("crv"));
                st.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        Instant now = Instant.parse(file.getString("now"));
        KeyRing ring = new KeyRing(jwks, new PrivateKeyEnvelope(SecretRing.single(file.getString("secret")), false),
                KeyRing.Settings.DEFAULT, new MutableClock(now));
        assertThat(ring.signingKey().kid()).isEqualTo(row.getString("id"));
        String origin = "http://127.0.0.1:3000";
        String ours = new AccessTokenSigner(origin, List.of(origin), 900).sign(ring.signingKey(),
                JsJson.safeParsed(Json.createReader(new StringReader(key.getString("userJson"))).readObject()), now);
        assertThat(ours).isEqualTo(key.getString("token"));
        assertThat(ring.jwks()).isEqualTo(key.getString("jwks"));
        assertThat(row.getString("alg").toLowerCase(Locale.ROOT)).isEqualTo("eddsa");
    }
}
