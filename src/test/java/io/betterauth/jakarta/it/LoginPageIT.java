package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.Http.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.demo.SignInPageServlet;
import io.betterauth.jakarta.it.app.LoginFlowServlet;
import io.betterauth.jakarta.it.app.SecuredPageServlet;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server-rendered application with {@code better-auth.login-page=/sign-in} (the demo's sign-in page without
 * JavaScript): browsers are redirected from protected pages and come back signed in, fetch and API callers keep the
 * 401, {@code request.logout()} ends the session, and {@code BetterAuthApi.createSession} signs in a user the app
 * authenticated itself (checklist T-44).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginPageIT {

    static final Map<String, String> NAVIGATION = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8",
            "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document", "Sec-Fetch-Site", "none");
    static final Map<String, String> OLD_BROWSER = Map.of("Accept", "text/html,*/*;q=0.8");
    static final Map<String, String> FETCH = Map.of("Accept", "*/*", "Sec-Fetch-Mode", "cors",
            "Sec-Fetch-Dest", "empty", "Sec-Fetch-Site", "same-origin");
    /** curl's default (an {@code Accept} naming JSON would make the text/plain resource answer 406 first). */
    static final Map<String, String> API = Map.of("Accept", "*/*");
    static final String FORM = "application/x-www-form-urlencoded";
    /** Each way an app protects a resource: web.xml, @ServletSecurity, RequireSessionFilter, @RequireSession. */
    static final List<String> PROTECTED = List.of("/protected/whoami", "/secured-page", "/guarded/whoami",
            "/api/guarded");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("login-page", Map.of("better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080", "better-auth.login-page", "/sign-in"))
                .addClasses(SignInPageServlet.class, LoginFlowServlet.class, SecuredPageServlet.class);
    }

    @ArquillianResource
    URL url;

    Http http;
    String context;

    @BeforeEach
    void setUp() {
        http = new Http(url, HttpClient.Version.HTTP_1_1);
        context = url.getPath().replaceAll("/$", "");
    }

    static String form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** Signs up over the API; the session cookie. */
    String signUp(String email) throws Exception {
        HttpResponse<String> r = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"Page\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return cookiePair(r, "better-auth.session_token");
    }

    String userId(String cookie) throws Exception {
        HttpResponse<String> r = http.get("/api/auth/get-session", cookie);
        assertThat(r.statusCode()).isEqualTo(200);
        return Json.createReader(new StringReader(r.body())).readObject().getJsonObject("user").getString("id");
    }

    /** The Location's path and query, whether the container wrote it relative or absolute. */
    String location(HttpResponse<String> r) {
        String location = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
        URI resolved = URI.create(http.origin() + "/").resolve(location);
        assertThat(resolved.getHost()).isIn("127.0.0.1", "localhost", url.getHost());
        return resolved.getRawPath() + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery());
    }

    @Test
    void aBrowserOpeningAProtectedPage_isSentToTheLoginPage_withTheRelativeUrlItAskedFor() throws Exception {
        for (String path : PROTECTED) {
            for (Map<String, String> browser : List.of(NAVIGATION, OLD_BROWSER)) {
                HttpResponse<String> r = http.get(path + "?tab=orders", null, browser);
                assertThat(r.statusCode()).as(path + " " + browser).isEqualTo(302);
                assertThat(location(r)).as(path).isEqualTo(context + "/sign-in?callbackURL="
                        + URLEncoder.encode(context + path + "?tab=orders", StandardCharsets.UTF_8));
                assertThat(setCookies(r)).as(path).isEmpty();
            }
        }
    }

    @Test
    void fetchAndApiCallers_keepThe401() throws Exception {
        for (String path : PROTECTED) {
            for (Map<String, String> caller : List.of(FETCH, API, Map.of("Accept", "text/html,*/*;q=0.8",
                    "X-Requested-With", "XMLHttpRequest"))) {
                HttpResponse<String> r = http.get(path, null, caller);
                assertThat(r.statusCode()).as(path + " " + caller).isEqualTo(401);
                assertThat(r.headers().firstValue("Location")).as(path).isEmpty();
                if (path.startsWith("/guarded") || path.startsWith("/api")) {
                    assertThat(r.body()).isEqualTo("{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
                } else {
                    // a container constraint: the container's own 401 page, as before (Payara, WildFly and Tomcat)
                    assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
                }
            }
        }
        assertThat(http.post("/protected/whoami", FORM, "a=b", null, null, OLD_BROWSER).statusCode()).isEqualTo(401);
    }

    @Test
    void theSignInFormWithoutJavaScript_signsInAndReturnsToThePage() throws Exception {
        String email = "form-" + System.nanoTime() + "@example.com";
        signUp(email);
        HttpResponse<String> page = http.get("/sign-in?callbackURL=" + URLEncoder.encode(context
                + "/protected/whoami", StandardCharsets.UTF_8), null, NAVIGATION);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<form method=\"post\"").contains("value=\"" + context + "/protected/whoami\"");

        HttpResponse<String> signedIn = http.post("/sign-in", FORM, form("action", "sign-in", "email", email,
                "password", "test123456", "rememberMe", "on", "callbackURL", context + "/protected/whoami"), null);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        assertThat(location(signedIn)).isEqualTo(context + "/protected/whoami");
        String cookie = cookiePair(signedIn, "better-auth.session_token");
        assertThat(setCookies(signedIn).get(0)).contains("HttpOnly").contains("SameSite=Lax");

        for (String path : PROTECTED) {
            HttpResponse<String> r = http.get(path, cookie, NAVIGATION);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        }
        assertThat(http.get("/protected/whoami", cookie, NAVIGATION).body()).contains(email);

        HttpResponse<String> home = http.post("/sign-in", FORM, form("action", "sign-in", "email", email,
                "password", "test123456"), null);
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(location(home)).isEqualTo(context + "/");

        HttpResponse<String> signedOut = http.post("/sign-in", FORM, form("action", "sign-out"), cookie);
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(setCookies(signedOut)).anySatisfy(c -> assertThat(c).startsWith("better-auth.session_token=;")
                .contains("Max-Age=0"));
        assertThat(http.get("/api/auth/get-session", cookie).body()).isEqualTo("null");
    }

    @Test
    void theSignInForm_showsBetterAuthsErrors_escaped_andRefusesForeignOriginsAndCallbacks() throws Exception {
        String email = "form-errors-" + System.nanoTime() + "@example.com";
        signUp(email);
        HttpResponse<String> wrong = http.post("/sign-in", FORM, form("action", "sign-in", "email", email,
                "password", "wrong-password"), null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Invalid email or password").contains("<form");
        assertThat(setCookies(wrong)).isEmpty();

        HttpResponse<String> offSite = http.post("/sign-in", FORM, form("action", "sign-in", "email", email,
                "password", "test123456", "callbackURL", "https://evil.example/"), null);
        assertThat(offSite.statusCode()).isEqualTo(403);
        assertThat(offSite.body()).contains("Invalid callbackURL");
        assertThat(setCookies(offSite)).isEmpty();
        HttpResponse<String> protocolRelative = http.post("/sign-in", FORM, form("action", "sign-in", "email", email,
                "password", "test123456", "callbackURL", "//evil.example/"), null);
        assertThat(protocolRelative.statusCode()).isEqualTo(403);
        assertThat(protocolRelative.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> crossSite = http.post("/sign-in", FORM, form("action", "sign-in", "email", email,
                "password", "test123456"), null, "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("Invalid origin");
        assertThat(setCookies(crossSite)).isEmpty();

        HttpResponse<String> script = http.get("/sign-in?callbackURL=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", null,
                NAVIGATION);
        assertThat(script.body()).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;alert(1)");
    }

    @Test
    void requestLogout_endsTheBetterAuthSession_andClearsItsCookies() throws Exception {
        String cookie = signUp("logout-" + System.nanoTime() + "@example.com");
        assertThat(http.get("/api/auth/get-session", cookie).body()).isNotEqualTo("null");

        HttpResponse<String> r = http.post("/login-flow/logout", null, null, cookie);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).endsWith("now null, signed in false");
        assertThat(setCookies(r)).anySatisfy(c -> assertThat(c).startsWith("better-auth.session_token=;")
                .contains("Max-Age=0"));

        assertThat(http.get("/api/auth/get-session", cookie).body()).isEqualTo("null");
        assertThat(http.get("/protected/whoami", cookie, API).statusCode()).isEqualTo(401);
    }

    @Test
    void createSession_signsInAUserTheAppAuthenticated_andRefusesAnUnknownOne() throws Exception {
        String email = "external-" + System.nanoTime() + "@example.com";
        String userId = userId(signUp(email));

        HttpResponse<String> created = http.post("/login-flow/create-session", FORM, form("userId", userId), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.body()).isEqualTo("created " + userId);
        String cookie = cookiePair(created, "better-auth.session_token");
        assertThat(userId(cookie)).isEqualTo(userId);
        assertThat(http.get("/protected/whoami", cookie, NAVIGATION).body()).contains(email);

        HttpResponse<String> unknown = http.post("/login-flow/create-session", FORM, form("userId", "no-such-user"),
                null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("USER_NOT_FOUND");
        assertThat(setCookies(unknown)).isEmpty();
    }
}
