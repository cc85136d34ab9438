package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.it.existing.AuthDataSource;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code better-auth.database.jndi-name}: the library on a pooled PostgreSQL data source the application declares
 * with {@code @DataSourceDefinition} (database {@code ba_jndi}), not on the container's default one. Tomcat has no
 * such data sources.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("not-tomcat")
class JndiDataSourceIT {

    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/ba_jndi?user=postgres";

    @Deployment(testable = false)
    static WebArchive deployment() {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement st = admin.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = 'ba_jndi'")) {
                if (!rs.next()) {
                    st.execute("create database ba_jndi");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for JndiDataSourceIT", e);
        }
        return Deployments.war("jndi", Map.of(
                        "better-auth.secret", Deployments.SECRET,
                        "better-auth.url", "http://localhost:8080",
                        "better-auth.database.jndi-name", "java:app/jdbc/auth"))
                .addClass(AuthDataSource.class)
                .addAsLibraries(Maven.resolver()
                        .resolve("org.postgresql:postgresql:" + System.getProperty("postgresql.version", "42.7.14"))
                        .withoutTransitivity().asFile());
    }

    @ArquillianResource
    URL url;

    @Test
    void theLibrarysTablesAndRows_areInTheNamedDataSource() throws Exception {
        Http http = new Http(url);
        String email = SessionLifecycleIT.email("jndi").toLowerCase();
        HttpResponse<String> r = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"Jo\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(r.statusCode()).isEqualTo(200);
        String token = SessionLifecycleIT.json(r).getString("token");

        try (Connection c = DriverManager.getConnection(DB_URL);
             PreparedStatement st = c.prepareStatement("select u.\"email\" from \"session\" s join \"user\" u "
                     + "on u.\"id\" = s.\"userId\" where s.\"token\" = ?")) {
            st.setString(1, token);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(email);
            }
        }
        assertThat(http.get("/api/auth/get-session", Http.cookiePair(r, "better-auth.session_token")).body())
                .contains("\"email\":\"" + email + "\"");
    }
}
