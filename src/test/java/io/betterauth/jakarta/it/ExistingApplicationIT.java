package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.it.existing.Note;
import io.betterauth.jakarta.it.existing.NoteService;
import io.betterauth.jakarta.it.existing.NotesApplication;
import io.betterauth.jakarta.it.existing.NotesResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library dropped into an existing application, written as such apps are: its own entity and its one persistence
 * unit ({@code persistence.xml}, JTA on {@code java:comp/DefaultDataSource}; on Tomcat resource-local on the WAR's H2
 * database), an unnamed {@code @PersistenceContext} in a {@code @Transactional} bean, its own JAX-RS application
 * behind a web.xml constraint. The library's unit (defined in code) neither clashes with the app's unit nor joins
 * its transactions: the library's writes commit apart from them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExistingApplicationIT {

    static final String COOKIE = "better-auth.session_token";
    static final String DATABASE = "jdbc:h2:mem:existing;DB_CLOSE_DELAY=-1";

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = Deployments.war("existing", Map.of(
                        "better-auth.secret", Deployments.SECRET,
                        "better-auth.url", "http://localhost:8080"))
                .addClasses(Note.class, NoteService.class, NotesResource.class, NotesApplication.class)
                .addAsResource(new StringAsset(persistenceXml()), "META-INF/persistence.xml");
        // The app's own constraint on its resources, beside the scenario's configuration.
        String webXml;
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return war.setWebXML(new StringAsset(webXml.replace("</web-app>", """
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>notes</web-resource-name>
                      <url-pattern>/app/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>user</role-name></auth-constraint>
                  </security-constraint>
                </web-app>
                """)));
    }

    static String persistenceXml() {
        String unit = Deployments.onTomcat() ? """
                  <persistence-unit name="notes" transaction-type="RESOURCE_LOCAL">
                    <class>io.betterauth.jakarta.it.existing.Note</class>
                    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <properties>
                      <property name="jakarta.persistence.jdbc.url" value="%s"/>
                      <property name="jakarta.persistence.schema-generation.database.action" value="create"/>
                    </properties>
                  </persistence-unit>
                """.formatted(DATABASE) : """
                  <persistence-unit name="notes" transaction-type="JTA">
                    <jta-data-source>java:comp/DefaultDataSource</jta-data-source>
                    <class>io.betterauth.jakarta.it.existing.Note</class>
                    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <properties>
                      <property name="jakarta.persistence.schema-generation.database.action" value="create"/>
                    </properties>
                  </persistence-unit>
                """;
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                %s</persistence>
                """.formatted(unit);
    }

    @ArquillianResource
    URL url;

    private String signUp(Http http, String email) throws Exception {
        HttpResponse<String> r = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"Nora\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return cookiePair(r, COOKIE);
    }

    private String signIn(Http http, String email) throws Exception {
        HttpResponse<String> r = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return cookiePair(r, COOKIE);
    }

    private static HttpResponse<String> addNote(Http http, String path, String text, String cookie) throws Exception {
        return http.post("/app/notes" + path, "text/plain", text, cookie);
    }

    @Test
    void theAppsResource_needsASession_thenStoresAndListsNotesInTheAppsOwnUnit() throws Exception {
        Http http = new Http(url);
        assertThat(http.get("/app/notes", null).statusCode()).isEqualTo(401);

        String email = SessionLifecycleIT.email("nora");
        String cookie = signUp(http, email);
        HttpResponse<String> empty = http.get("/app/notes", cookie);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
        assertThat(addNote(http, "", "buy milk", cookie).body()).isEqualTo("stored");
        assertThat(addNote(http, "", "call bob", cookie).body()).isEqualTo("stored");
        assertThat(http.get("/app/notes", cookie).body()).isEqualTo("buy milk\ncall bob");

        String otherDevice = signIn(http, email);
        assertThat(http.get("/app/notes", otherDevice).body()).isEqualTo("buy milk\ncall bob");
        HttpResponse<String> session = http.get("/api/auth/get-session", cookie);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(json(session).getJsonObject("user").getString("email")).isEqualTo(email);
    }

    @Test
    void oneAppTransaction_writesItsEntity_andCallsTheLibrary_bothCommit() throws Exception {
        Http http = new Http(url);
        String email = SessionLifecycleIT.email("tx");
        String cookie = signUp(http, email);
        String otherDevice = signIn(http, email);

        HttpResponse<String> r = addNote(http, "/with-library", "in one transaction", cookie);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(email + " revokedOthers=true");

        assertThat(http.get("/app/notes", cookie).body()).isEqualTo("in one transaction");
        assertThat(http.get("/api/auth/get-session", otherDevice).body()).isEqualTo("null");
        assertThat(http.get("/app/notes", otherDevice).statusCode()).isEqualTo(401);
        assertThat(json(http.get("/api/auth/get-session", cookie)).getJsonObject("user").getString("email"))
                .isEqualTo(email);
    }

    @Test
    void anAppTransactionThatRollsBack_keepsTheLibrarysWrite() throws Exception {
        Http http = new Http(url);
        String email = SessionLifecycleIT.email("rollback");
        String cookie = signUp(http, email);
        String otherDevice = signIn(http, email);
        assertThat(addNote(http, "", "kept", cookie).body()).isEqualTo("stored");

        HttpResponse<String> r = addNote(http, "/then-fail", "rolled back", cookie);
        assertThat(r.statusCode()).isEqualTo(409);

        // The app's note is gone with its transaction; the library's revocation committed on its own.
        assertThat(http.get("/app/notes", cookie).body()).isEqualTo("kept");
        assertThat(http.get("/api/auth/get-session", otherDevice).body()).isEqualTo("null");
        assertThat(http.get("/api/auth/get-session", cookie).statusCode()).isEqualTo(200);
    }
}
