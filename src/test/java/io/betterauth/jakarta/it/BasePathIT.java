package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.Http.setCookies;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static io.betterauth.jakarta.it.SessionLifecycleIT.signedCookie;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.it.app.FailingResource;
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
 * {@code better-auth.base-path} moves the endpoints (issue 17): everything answers under {@code /auth/v2}, nothing
 * under {@code /api/auth}, and what else follows the base path (the session filter, the content-type filter, the
 * sessions page) follows it. The test app also has its own JAX-RS application at {@code /api} that scans every class
 * (the library's included): its errors stay its own. The OpenAPI document served there names the moved path, and
 * every operation it lists answers as it says ({@link OpenApiConformance}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BasePathIT {

    static final String BASE = "/auth/v2";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("basepath", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.base-path", BASE + "/",
                // Every ordinary request refreshes the session, so a request the filter took for one would show.
                "better-auth.session.update-age", "0"))
                .addClass(FailingResource.class);
    }

    @ArquillianResource
    URL url;

    @Test
    void theEndpointsAnswerUnderTheConfiguredPath_andNotUnderTheDefault() throws Exception {
        Http http = new Http(url);
        String email = "moved-" + System.nanoTime() + "@example.com";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"test123456\"}";

        HttpResponse<String> signUp = http.postJson(BASE + "/sign-up/email",
                "{\"name\":\"Moved\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(signUp.statusCode()).isEqualTo(200);
        assertThat(setCookies(signUp)).containsExactly(signedCookie("better-auth.session_token",
                json(signUp).getString("token"), "; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax"));

        HttpResponse<String> signIn = http.postJson(BASE + "/sign-in/email", credentials, null);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).startsWith("{\"redirect\":false,\"token\":\"");
        String token = json(signIn).getString("token");
        assertThat(setCookies(signIn)).containsExactly(signedCookie("better-auth.session_token", token,
                "; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax"));
        String cookie = cookiePair(signIn, "better-auth.session_token");

        // The endpoint itself decides about the refresh: with disableRefresh it does not refresh, and the session
        // filter left the request alone (it would have refreshed an ordinary request, update-age being 0).
        HttpResponse<String> session = http.get(BASE + "/get-session?disableRefresh=true", cookie);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(setCookies(session)).isEmpty();
        JsonObject body = json(session);
        assertThat(body.getJsonObject("session").getString("token")).isEqualTo(token);
        assertThat(body.getJsonObject("user").getString("email")).isEqualTo(email);
        HttpResponse<String> ordinary = http.get("/whoami", cookie);
        assertThat(ordinary.statusCode()).isEqualTo(200);
        assertThat(setCookies(ordinary)).singleElement().asString().startsWith("better-auth.session_token=" + token + ".");

        HttpResponse<String> sessions = http.get(BASE + "/list-sessions", cookie);
        assertThat(sessions.statusCode()).isEqualTo(200);
        assertThat(sessions.body()).startsWith("[{").contains("\"token\":\"" + token + "\"")
                .contains("\"token\":\"" + json(signUp).getString("token") + "\"");

        // The raw Content-Type filter follows: Better Auth's 415, not the JAX-RS runtime's empty 400.
        HttpResponse<String> badType = http.post(BASE + "/sign-in/email", ";", credentials, null);
        assertThat(badType.statusCode()).isEqualTo(415);
        assertThat(badType.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");

        // The sessions page calls the endpoints where they are.
        assertThat(http.get("/better-auth/sessions", null).body())
                .contains("<meta name=\"better-auth-api\" content=\"" + url.getPath().replaceAll("/$", "") + BASE + "\">");

        // Nothing answers at the default path: not the library's mount, not the app's application scanning it.
        for (String path : new String[] {"/api/auth/get-session", "/api/get-session"}) {
            HttpResponse<String> old = http.get(path, cookie);
            assertThat(old.statusCode()).as(path).isEqualTo(404);
            assertThat(old.body()).as(path).doesNotContain(token);
        }
        assertThat(http.postJson("/api/auth/sign-in/email", credentials, null).statusCode()).isEqualTo(404);
        assertThat(setCookies(http.postJson("/api/sign-in/email", credentials, null))).isEmpty();
    }

    @Test
    void theAppsOwnJaxRsApplication_keepsItsOwnErrors() throws Exception {
        Http http = new Http(url);
        // The runtime's 405, not the library's routing answer (404 with an empty body).
        HttpResponse<String> wrongMethod = http.post("/api/failing/teapot", "text/plain", "", null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        HttpResponse<String> teapot = http.get("/api/failing/teapot", null);
        assertThat(teapot.statusCode()).isEqualTo(418);
        assertThat(teapot.body()).isEqualTo("the app's teapot");
        HttpResponse<String> bug = http.get("/api/failing/bug", null);
        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(bug.body()).doesNotContain("INTERNAL_SERVER_ERROR").doesNotContain("\"message\"");
        // ...while the library's endpoints keep theirs.
        HttpResponse<String> unknown = http.get(BASE + "/no-such-endpoint", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEmpty();
        assertThat(http.get(BASE + "/get-session", null).body()).isEqualTo("null");
    }

    @Test
    void theOpenApiDocument_describesTheEndpointsAtTheMovedPath() throws Exception {
        Http http = new Http(url);
        OpenApiConformance conformance = new OpenApiConformance(http, BASE);
        JsonObject document = conformance.document();
        // Relative to the page that serves it: the context path and the configured base path.
        assertThat(document.getJsonArray("servers").getJsonObject(0).getString("url"))
                .isEqualTo(url.getPath().replaceAll("/$", "") + BASE);
        assertThat(document.getJsonObject("paths").keySet()).contains("/get-session", "/sign-in/email")
                .noneMatch(p -> p.startsWith("/api/") || p.startsWith(BASE));
        assertThat(conformance.violations(document)).isEmpty();
        // Not at the default path, and not through the app's own JAX-RS application that scans the library's classes.
        for (String path : new String[] {"/api/auth/openapi.json", "/api/openapi.json"}) {
            HttpResponse<String> elsewhere = http.get(path, null);
            assertThat(elsewhere.statusCode()).as(path).isEqualTo(404);
            assertThat(elsewhere.body()).as(path).doesNotContain("openapi");
        }
    }
}
