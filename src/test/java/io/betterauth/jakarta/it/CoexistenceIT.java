package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.SessionLifecycleIT.assertError;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.it.app.AdminGroups;
import io.betterauth.jakarta.it.app.ApiKeyOrSessionMechanism;
import io.betterauth.jakarta.it.app.LegacyUserServlet;
import io.betterauth.jakarta.it.app.MigratingPasswordHasher;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application with security of its own (issue 17): its own {@code HttpAuthenticationMechanism} (an
 * {@code X-Api-Key} header, else the Better Auth session through {@code BetterAuthApi.validateSession}) with the
 * library's switched off by {@code better-auth.mechanism.enabled=false} in MicroProfile Config; everything behind a
 * {@code /*} constraint except the auth endpoints (the README's {@code <security-constraint>} exclusion); and a
 * {@code PasswordHasher} that signs in users migrated with bcrypt hashes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CoexistenceIT {

    static final String API_KEY = "it-api-key-0123456789";

    /** The README's setup for an app that protects {@code /*}: the auth endpoints excluded. */
    static final String PROTECT_ALL_BUT_AUTH = """
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>everything</web-resource-name>
                  <url-pattern>/*</url-pattern>
                </web-resource-collection>
                <auth-constraint><role-name>user</role-name></auth-constraint>
              </security-constraint>
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>better-auth</web-resource-name>
                  <url-pattern>/api/auth/*</url-pattern>
                </web-resource-collection>
              </security-constraint>
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("coexist", Map.of(
                        "better-auth.secret", Deployments.SECRET,
                        "better-auth.url", "http://localhost:8080",
                        // every request slides the expiry: shows who writes the refreshed cookie
                        "better-auth.session.update-age", "0"),
                Map.of("better-auth.mechanism.enabled", "false"), PROTECT_ALL_BUT_AUTH)
                .addClasses(ApiKeyOrSessionMechanism.class, MigratingPasswordHasher.class, LegacyUserServlet.class,
                        AdminGroups.class);
    }

    @ArquillianResource
    URL url;

    @Test
    void theAppsMechanism_acceptsAnApiKeyOrTheBetterAuthSession_andAuthStaysReachable() throws Exception {
        Http http = new Http(url);
        HttpResponse<String> anonymous = http.get("/whoami", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> noSession = http.get("/api/auth/get-session", null);
        assertThat(noSession.statusCode()).isEqualTo(200);
        assertThat(noSession.body()).isEqualTo("null");

        String email = "admin-coexist-" + System.nanoTime() + "@example.com";
        HttpResponse<String> signUp = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"C\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(200);
        String token = cookiePair(signUp, "better-auth.session_token");
        String userId = json(signUp).getJsonObject("user").getString("id");
        assertThat(json(http.get("/api/auth/get-session", token)).getJsonObject("user").getString("id"))
                .isEqualTo(userId);

        // the session, through the app's mechanism, which writes the refreshed cookie; CurrentSession (the
        // library's filter) still answers
        HttpResponse<String> whoami = http.get("/whoami", token);
        assertThat(Http.setCookies(whoami)).filteredOn(c -> c.startsWith("better-auth.session_token="))
                .singleElement().asString().startsWith(token + ";");
        JsonObject me = json(whoami);
        assertThat(me.getString("caller")).isEqualTo(userId);
        assertThat(me.getString("userPrincipal")).isEqualTo(userId);
        assertThat(me.getBoolean("isCallerInRoleUser")).isTrue();
        assertThat(me.getString("email")).isEqualTo(email);
        assertThat(http.get("/api/me", token).body()).isEqualTo(userId + " (user)");

        // the auth endpoints read the session themselves: no refresh before get-session?disableRefresh=true
        HttpResponse<String> noRefresh = http.get("/api/auth/get-session?disableRefresh=true", token);
        assertThat(noRefresh.statusCode()).isEqualTo(200);
        assertThat(Http.setCookies(noRefresh)).noneMatch(c -> c.startsWith("better-auth.session_token="));

        // the API key: another caller, no Better Auth session
        HttpResponse<String> machine = http.get("/whoami", null, Map.of("X-Api-Key", API_KEY));
        assertThat(machine.statusCode()).isEqualTo(200);
        assertThat(json(machine).getString("caller")).isEqualTo("api-client");
        assertThat(json(machine).isNull("email")).isTrue();
        assertThat(http.get("/whoami", null, Map.of("X-Api-Key", "wrong")).statusCode()).isEqualTo(401);

        // signed out: the cookie no longer authenticates
        assertThat(http.postJson("/api/auth/sign-out", "{}", token).statusCode()).isEqualTo(200);
        assertThat(http.get("/whoami", token).statusCode()).isEqualTo(401);
    }

    @Test
    void aUserMigratedWithABcryptHash_signsIn_andAChangedPasswordIsScrypt() throws Exception {
        Http http = new Http(url);
        String email = "legacy-" + System.nanoTime() + "@example.com";
        HttpResponse<String> inserted = http.post("/legacy-user?email=" + email + "&password=bcrypt-pass-1", null,
                null, null, http.origin(), Map.of("X-Api-Key", API_KEY));
        assertThat(inserted.statusCode()).as(inserted.body()).isEqualTo(200);
        assertThat(inserted.body()).matches("legacy-[0-9a-f]+ \\$2[aby]\\$");
        String userId = inserted.body().split(" ")[0];

        assertError(http.postJson("/api/auth/sign-in/email",
                        "{\"email\":\"" + email + "\",\"password\":\"wrong-pass-1\"}", null), 401,
                "{\"message\":\"Invalid email or password\",\"code\":\"INVALID_EMAIL_OR_PASSWORD\"}");
        HttpResponse<String> signIn = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"bcrypt-pass-1\"}", null);
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(json(signIn).getJsonObject("user").getString("id")).isEqualTo(userId);
        String token = cookiePair(signIn, "better-auth.session_token");
        assertThat(json(http.get("/whoami", token)).getString("caller")).isEqualTo(userId);

        HttpResponse<String> changed = http.postJson("/api/auth/change-password",
                "{\"currentPassword\":\"bcrypt-pass-1\",\"newPassword\":\"scrypt-pass-2\"}", token);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"scrypt-pass-2\"}", null).statusCode()).isEqualTo(200);
        assertThat(http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"bcrypt-pass-1\"}", null).statusCode()).isEqualTo(401);
    }
}
