package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.it.existing.AccountPageServlet;
import io.betterauth.jakarta.it.existing.AppUser;
import io.betterauth.jakarta.it.existing.AppUsersResource;
import io.betterauth.jakarta.it.existing.ExistingDataSource;
import io.betterauth.jakarta.it.existing.Note;
import io.betterauth.jakarta.it.existing.NoteService;
import io.betterauth.jakarta.it.existing.NotesApplication;
import io.betterauth.jakarta.it.existing.NotesResource;
import io.betterauth.jakarta.it.existing.SignInPageServlet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library dropped into an existing application, written as such apps are: its own entities (among them its own
 * {@code user} table, columns unlike Better Auth's) and its one persistence unit ({@code persistence.xml}, JTA on its
 * own {@code @DataSourceDefinition} H2 database; on Tomcat resource-local on the WAR's H2 database), an unnamed
 * {@code @PersistenceContext} in a {@code @Transactional} bean, its own JAX-RS application and a server-rendered page
 * behind web.xml constraints, its own sign-in page. The library shares the app's database under other table names
 * ({@code better-auth.<model>.model-name}, {@code better-auth.user.fields}); its unit (defined in code) neither clashes
 * with the app's unit nor joins its transactions: the library's writes commit apart from them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExistingApplicationIT {

    static final String COOKIE = "better-auth.session_token";
    static final String DATABASE = "jdbc:h2:mem:existing;DB_CLOSE_DELAY=-1";

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new TreeMap<>(Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.login-page", "/sign-in-page",
                "better-auth.user.model-name", "ba_user",
                "better-auth.user.fields", "{\"emailVerified\":\"email_verified\"}",
                "better-auth.session.model-name", "ba_session",
                "better-auth.account.model-name", "ba_account",
                "better-auth.verification.model-name", "ba_verification"));
        if (Deployments.onTomcat()) {
            config.put("better-auth.database.url", DATABASE); // no JNDI data sources: the app's unit's URL
        } else {
            config.put("better-auth.database.jndi-name", "java:app/jdbc/existing");
        }
        WebArchive war = Deployments.war("existing", config)
                .addClasses(Note.class, NoteService.class, NotesResource.class, NotesApplication.class,
                        AppUser.class, AppUsersResource.class, AccountPageServlet.class, SignInPageServlet.class)
                .addAsResource(new StringAsset(persistenceXml()), "META-INF/persistence.xml");
        if (!Deployments.onTomcat()) {
            // The app's own data source, its driver in WEB-INF/lib: WildFly's H2 module is not visible to a deployment
            // (ClassNotFoundException: org.h2.jdbcx.JdbcDataSource without it); Payara would lend its own H2.
            war.addClass(ExistingDataSource.class).addAsLibraries(Maven.resolver()
                    .resolve("com.h2database:h2:" + System.getProperty("h2.version", "2.3.232"))
                    .withoutTransitivity().asFile());
        }
        // The app's own constraints on its resources and pages, beside the scenario's configuration.
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
                      <url-pattern>/app-page/*</url-pattern>
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
                    <class>io.betterauth.jakarta.it.existing.AppUser</class>
                    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <properties>
                      <property name="jakarta.persistence.jdbc.url" value="%s"/>
                      <property name="jakarta.persistence.schema-generation.database.action" value="create"/>
                    </properties>
                  </persistence-unit>
                """.formatted(DATABASE) : """
                  <persistence-unit name="notes" transaction-type="JTA">
                    <jta-data-source>java:app/jdbc/existing</jta-data-source>
                    <class>io.betterauth.jakarta.it.existing.Note</class>
                    <class>io.betterauth.jakarta.it.existing.AppUser</class>
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

    /** The Location's path and query, whether the container wrote it relative or absolute. */
    private static String location(Http http, HttpResponse<String> r) {
        String location = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
        URI resolved = URI.create(http.origin() + "/").resolve(location);
        return resolved.getRawPath() + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery());
    }

    @Test
    void theAppsOwnUserTable_andTheLibrarysRenamedTables_shareOneDatabase() throws Exception {
        Http http = new Http(url);
        assertThat(http.get("/app/users", null).statusCode()).isEqualTo(401);
        String email = SessionLifecycleIT.email("own-user").toLowerCase(Locale.ROOT);
        String cookie = signUp(http, email);

        assertThat(http.post("/app/users", "text/plain", "alice=Alice Adams", cookie).body()).isEqualTo("stored");
        assertThat(http.post("/app/users", "text/plain", "bob=Bob Brown", cookie).body()).isEqualTo("stored");
        assertThat(http.get("/app/users", cookie).body()).isEqualTo("alice=Alice Adams\nbob=Bob Brown");

        // The app's "user" table holds the app's rows only; the library's user is in "ba_user" (email_verified).
        HttpResponse<String> tables = http.get("/app/users/tables", cookie);
        assertThat(tables.statusCode()).as(tables.body()).isEqualTo(200);
        String[] lines = tables.body().split("\n");
        assertThat(lines[0]).isEqualTo("user: alice,bob");
        assertThat(lines[1]).startsWith("ba_user: ").contains(email);

        var session = json(http.get("/api/auth/get-session", cookie));
        assertThat(session.getJsonObject("user").getString("email")).isEqualTo(email);
        assertThat(session.getJsonObject("user").getBoolean("emailVerified")).isFalse();
        assertThat(signIn(http, email)).startsWith(COOKIE + "=");
    }

    @Test
    void aBrowserOnTheAppsPage_goesToItsSignInPage_anApiCallerKeepsThe401_andASessionRendersThePage()
            throws Exception {
        Http http = new Http(url, HttpClient.Version.HTTP_1_1);
        String context = url.getPath().replaceAll("/$", "");
        HttpResponse<String> navigation = http.get("/app-page/account", null, LoginPageIT.NAVIGATION);
        assertThat(navigation.statusCode()).isEqualTo(302);
        assertThat(location(http, navigation)).isEqualTo(context + "/sign-in-page?callbackURL="
                + URLEncoder.encode(context + "/app-page/account", StandardCharsets.UTF_8));
        HttpResponse<String> signInPage = http.get("/sign-in-page", null, LoginPageIT.NAVIGATION);
        assertThat(signInPage.statusCode()).isEqualTo(200);
        assertThat(signInPage.body()).contains("Sign in");

        Map<String, String> api = Map.of("Accept", "application/json");
        for (String path : new String[] {"/app/users", "/app/notes", "/app-page/account"}) {
            HttpResponse<String> r = http.get(path, null, api);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.headers().firstValue("Location")).as(path).isEmpty();
        }

        String email = SessionLifecycleIT.email("page").toLowerCase(Locale.ROOT);
        String cookie = signUp(http, email);
        HttpResponse<String> page = http.get("/app-page/account", cookie, LoginPageIT.NAVIGATION);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Signed in as " + email);
    }
}
