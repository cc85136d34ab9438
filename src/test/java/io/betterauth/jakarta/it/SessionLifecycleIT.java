package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.Http.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.testing.Tampered;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation end to end on Payara Micro (EclipseLink, the embedded default H2 database): sign-up, sign-in,
 * the exact cookie, get-session, the caller seen through {@code @Inject SecurityContext} in a servlet and a JAX-RS
 * resource, the sliding refresh, expiry, sign-out, tampered cookies and Better Auth's error answers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionLifecycleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("lifecycle", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.email-and-password.min-password-length", "9"),
                // MicroProfile Config outranks servlet context parameters
                Map.of("better-auth.email-and-password.min-password-length", "10",
                        "better-auth.email-and-password.max-password-length", "64"));
    }

    @ArquillianResource
    URL url;

    static String email(String tag) {
        return tag + "-" + System.nanoTime() + "@example.com";
    }

    static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    /** The signed cookie value, computed independently of the library. */
    static String signedCookie(String name, String value, String attributes) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Deployments.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = Base64.getEncoder().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        return name + "=" + value + "." + sig.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D") + attributes;
    }

    @Test
    void signUp_signIn_getSession_callerSeen_refresh_signOut() throws Exception {
        Http http = new Http(url);
        String email = email("Alice");

        // sign-up: a session and Better Auth's exact cookie
        HttpResponse<String> signUp = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"Alice\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(signUp.statusCode()).isEqualTo(200);
        JsonObject signUpBody = json(signUp);
        String signUpToken = signUpBody.getString("token");
        assertThat(signUpToken).matches("[a-zA-Z0-9]{32}");
        assertThat(signUpBody.getJsonObject("user").getString("email")).isEqualTo(email.toLowerCase());
        assertThat(signUp.body()).contains("\"user\":{\"name\":\"Alice\",\"email\":\"" + email.toLowerCase()
                + "\",\"emailVerified\":false,\"image\":null,\"createdAt\":\"");
        assertThat(setCookies(signUp)).containsExactly(signedCookie("better-auth.session_token", signUpToken,
                "; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax"));
        assertThat(signUp.headers().allValues("cache-control")).containsExactly("no-store"); // T-11

        // sign-in (email case does not matter): a new session, a new cookie
        HttpResponse<String> signIn = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"test123456\"}", null);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).startsWith("{\"redirect\":false,\"token\":\"");
        String token = json(signIn).getString("token");
        assertThat(token).isNotEqualTo(signUpToken);
        assertThat(setCookies(signIn)).containsExactly(signedCookie("better-auth.session_token", token,
                "; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax"));
        assertThat(signIn.headers().allValues("cache-control")).containsExactly("no-store"); // T-11
        String cookie = cookiePair(signIn, "better-auth.session_token");

        // get-session
        HttpResponse<String> session = http.get("/api/auth/get-session", cookie);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.headers().firstValue("cache-control")).contains("no-store");
        assertThat(session.headers().firstValue("pragma")).contains("no-cache");
        assertThat(setCookies(session)).isEmpty();
        JsonObject body = json(session);
        assertThat(body.getJsonObject("session").getString("token")).isEqualTo(token);
        assertThat(body.getJsonObject("session").getString("userAgent")).isNotNull();
        assertThat(body.getJsonObject("session").getString("expiresAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        String userId = body.getJsonObject("user").getString("id");

        // the container knows the caller: servlet with @Inject SecurityContext, a protected servlet, JAX-RS
        JsonObject whoami = json(http.get("/whoami", cookie));
        assertThat(whoami.getString("caller")).isEqualTo(userId);
        assertThat(whoami.getString("userPrincipal")).isEqualTo(userId);
        assertThat(whoami.getBoolean("isCallerInRoleUser")).isTrue();
        assertThat(whoami.getString("email")).isEqualTo(email.toLowerCase());
        assertAnonymous(json(http.get("/whoami", null)));
        assertThat(http.get("/protected/whoami", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/protected/whoami", cookie).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/me", cookie).body()).isEqualTo(userId + " (user)");
        assertThat(http.get("/api/me", null).body()).isEqualTo("anonymous");

        // a day later (updateAge): get-session slides the expiry and re-sends the cookie, once (T-15)
        assertThat(http.post("/test/age-session?token=" + token + "&seconds=86401", null, null, null).body()).isEqualTo("1");
        HttpResponse<String> refreshed = http.get("/api/auth/get-session", cookie);
        assertThat(setCookies(refreshed)).containsExactly(signedCookie("better-auth.session_token", token,
                "; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax"));
        Instant newExpiry = Instant.parse(json(refreshed).getJsonObject("session").getString("expiresAt"));
        assertThat(Duration.between(Instant.now(), newExpiry)).isBetween(Duration.ofDays(7).minusMinutes(5), Duration.ofDays(7));
        assertThat(setCookies(http.get("/api/auth/get-session", cookie))).isEmpty();

        // an ordinary request is refreshed too, through the mechanism and the filter
        http.post("/test/age-session?token=" + token + "&seconds=86401", null, null, null);
        HttpResponse<String> page = http.get("/whoami", cookie);
        assertThat(json(page).getString("caller")).isEqualTo(userId);
        assertThat(setCookies(page)).containsExactly(signedCookie("better-auth.session_token", token,
                "; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax"));
        assertThat(page.headers().allValues("cache-control")).containsExactly("no-store"); // T-11

        // sign-out: the row is gone and every cookie is expired (T-19)
        HttpResponse<String> signOut = http.post("/api/auth/sign-out", null, null, cookie);
        assertThat(signOut.statusCode()).isEqualTo(200);
        assertThat(signOut.body()).isEqualTo("{\"success\":true}");
        assertThat(setCookies(signOut)).containsExactly(
                "better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.session_data=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.dont_remember=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
        assertThat(signOut.headers().allValues("cache-control")).containsExactly("no-store"); // T-11
        HttpResponse<String> after = http.get("/api/auth/get-session", cookie);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo("null");
        assertThat(http.get("/protected/whoami", cookie).statusCode()).isEqualTo(401);
        assertError(http.get("/api/auth/list-sessions", cookie), 401, "{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");

        // the sign-up session is still valid until it expires (T-13); then it is null and its cookies are cleared
        String signUpCookie = cookiePair(signUp, "better-auth.session_token");
        assertThat(json(http.get("/api/auth/get-session", signUpCookie)).getJsonObject("session").getString("token"))
                .isEqualTo(signUpToken);
        http.post("/test/age-session?token=" + signUpToken + "&seconds=604801", null, null, null);
        HttpResponse<String> expired = http.get("/api/auth/get-session", signUpCookie);
        assertThat(expired.body()).isEqualTo("null");
        assertThat(setCookies(expired)).contains("better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void tamperedOrForeignCookies_areAMiss_neverAnError() throws Exception {
        Http http = new Http(url);
        HttpResponse<String> signUp = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"Mallory\",\"email\":\"" + email("m") + "\",\"password\":\"test123456\"}", null);
        String cookie = cookiePair(signUp, "better-auth.session_token");
        String tampered = Tampered.at(cookie, cookie.indexOf('=') + 1);
        for (String bad : new String[] {tampered, "better-auth.session_token=garbage", "better-auth.session_token=%E0%A4%A",
                "better-auth.session_token=" + "a".repeat(5000), "better-auth.session_token=a.b.c.d%3D"}) {
            HttpResponse<String> r = http.get("/api/auth/get-session", bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(200);
            assertThat(r.body()).as(bad).isEqualTo("null");
            assertThat(setCookies(r)).as(bad).isEmpty();
            assertAnonymous(json(http.get("/whoami", bad)));
        }
    }

    @Test
    void rememberMeFalse_givesBrowserSessionCookies() throws Exception {
        Http http = new Http(url);
        String email = email("forgetful");
        http.postJson("/api/auth/sign-up/email", "{\"name\":\"F\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        HttpResponse<String> signIn = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\",\"rememberMe\":false}", null);
        String token = json(signIn).getString("token");
        assertThat(setCookies(signIn)).containsExactly(
                signedCookie("better-auth.session_token", token, "; Path=/; HttpOnly; SameSite=Lax"),
                signedCookie("better-auth.dont_remember", "true", "; Path=/; HttpOnly; SameSite=Lax"));
        String cookies = cookiePair(signIn, "better-auth.session_token") + "; " + cookiePair(signIn, "better-auth.dont_remember");
        Instant expiresAt = Instant.parse(json(http.get("/api/auth/get-session", cookies)).getJsonObject("session").getString("expiresAt"));
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofHours(23), Duration.ofHours(24));
    }

    @Test
    void badInput_getsBetterAuthsErrors_neverA500() throws Exception {
        Http http = new Http(url);
        String email = email("errors");
        http.postJson("/api/auth/sign-up/email", "{\"name\":\"E\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);

        assertError(http.postJson("/api/auth/sign-in/email", "{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}", null),
                401, "{\"message\":\"Invalid email or password\",\"code\":\"INVALID_EMAIL_OR_PASSWORD\"}");
        assertError(http.postJson("/api/auth/sign-in/email", "{\"email\":\"nobody-" + email + "\",\"password\":\"test123456\"}", null),
                401, "{\"message\":\"Invalid email or password\",\"code\":\"INVALID_EMAIL_OR_PASSWORD\"}");
        assertError(http.postJson("/api/auth/sign-up/email", "{\"name\":\"E\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null),
                422, "{\"message\":\"User already exists. Use another email.\",\"code\":\"USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL\"}");
        assertError(http.postJson("/api/auth/sign-up/email", "{\"name\":\"E\",\"email\":\"x" + email + "\",\"password\":\"short\"}", null),
                400, "{\"message\":\"Password too short\",\"code\":\"PASSWORD_TOO_SHORT\"}");
        // configuration from MicroProfile Config (min 10 beats the context parameter's 9; max 64)
        assertError(http.postJson("/api/auth/sign-up/email", "{\"name\":\"E\",\"email\":\"y" + email + "\",\"password\":\"123456789\"}", null),
                400, "{\"message\":\"Password too short\",\"code\":\"PASSWORD_TOO_SHORT\"}");
        assertError(http.postJson("/api/auth/sign-up/email", "{\"name\":\"E\",\"email\":\"y" + email + "\",\"password\":\"" + "p".repeat(65) + "\"}", null),
                400, "{\"message\":\"Password too long\",\"code\":\"PASSWORD_TOO_LONG\"}");
        assertError(http.postJson("/api/auth/sign-up/email", "{\"name\":\"E\",\"email\":\"not-an-email\",\"password\":\"test123456\"}", null),
                400, "{\"message\":\"[body.email] Invalid email address\",\"code\":\"VALIDATION_ERROR\"}");
        assertError(http.postJson("/api/auth/sign-up/email", "{}", null), 400,
                "{\"message\":\"[body.name] Invalid input: expected string, received undefined; [body.email] Invalid input: "
                        + "expected string, received undefined; [body.password] Invalid input: expected string, received undefined\","
                        + "\"code\":\"VALIDATION_ERROR\"}");
        assertError(http.postJson("/api/auth/sign-in/email", "{\"email\":", null),
                400, "{\"message\":\"Invalid JSON in request body\",\"code\":\"BAD_REQUEST\"}");
        assertError(http.postJson("/api/auth/sign-in/email", "[]", null), 400,
                "{\"message\":\"[body] Invalid input: expected object, received array\",\"code\":\"VALIDATION_ERROR\"}");
        assertError(http.post("/api/auth/sign-in/email", "text/plain", "hello", null), 415,
                "{\"message\":\"Content-Type \\\"text/plain\\\" is not allowed. Allowed types: application/x-www-form-urlencoded, "
                        + "application/json\",\"code\":\"UNSUPPORTED_MEDIA_TYPE\"}");
        assertError(http.post("/api/auth/get-session", null, null, null), 405,
                "{\"message\":\"POST method requires deferSessionRefresh to be enabled in session config\","
                        + "\"code\":\"METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED\"}");

        HttpResponse<String> form = http.post("/api/auth/sign-in/email", "application/x-www-form-urlencoded",
                "email=" + email.replace("@", "%40") + "&password=test123456", null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(json(form).getString("token")).hasSize(32);

        HttpResponse<String> wrongMethod = http.get("/api/auth/sign-out", null);
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.body()).isEmpty();
        assertThat(http.get("/api/auth/no-such-endpoint", null).statusCode()).isEqualTo(404);
        // the app's own JAX-RS application scans the library's resources too, but they answer only at /api/auth
        assertThat(http.get("/api/get-session", null).statusCode()).isEqualTo(404);
    }

    @Test
    void expiredSession_is401_andItsCookieIsCleared() throws Exception { // T-13
        Http http = new Http(url);
        String cookie = cookiePair(http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"Idle\",\"email\":\"" + email("idle") + "\",\"password\":\"test123456\"}", null),
                "better-auth.session_token");
        String token = tokenOf(cookie);
        assertThat(http.get("/protected/whoami", cookie).statusCode()).isEqualTo(200);
        assertThat(http.post("/test/age-session?token=" + token + "&seconds=604801", null, null, null).body()).isEqualTo("1");
        HttpResponse<String> expired = http.get("/api/auth/list-sessions", cookie);
        assertError(expired, 401, "{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
        assertThat(setCookies(expired)).containsExactly(
                "better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.session_data=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.dont_remember=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
        assertThat(expired.headers().allValues("cache-control")).containsExactly("no-store"); // T-11
        assertThat(http.get("/protected/whoami", cookie).statusCode()).isEqualTo(401);
        assertError(http.get("/api/guarded", cookie), 401, "{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
        HttpResponse<String> page = http.get("/whoami", cookie);
        assertAnonymous(json(page));
        assertThat(setCookies(page)).contains("better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void tokenInTheQueryStringAFormFieldOrAHeader_isNeverAccepted() throws Exception { // T-04
        Http http = new Http(url);
        HttpResponse<String> signUp = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"Q\",\"email\":\"" + email("query") + "\",\"password\":\"test123456\"}", null);
        String token = json(signUp).getString("token");
        String signed = cookiePair(signUp, "better-auth.session_token").substring("better-auth.session_token=".length());
        String query = "?token=" + token + "&better-auth.session_token=" + signed + "&session_token=" + signed;
        assertThat(http.get("/protected/whoami" + query, null).statusCode()).isEqualTo(401);
        assertAnonymous(json(http.get("/whoami" + query, null)));
        assertError(http.get("/api/auth/list-sessions" + query, null), 401,
                "{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
        assertThat(http.get("/api/auth/get-session" + query, null).body()).isEqualTo("null");
        assertThat(http.post("/protected/whoami", "application/x-www-form-urlencoded",
                "token=" + token + "&better-auth.session_token=" + signed, null).statusCode()).isEqualTo(401);
        assertError(http.post("/api/auth/revoke-sessions", "application/x-www-form-urlencoded",
                "token=" + token + "&better-auth.session_token=" + signed, null), 415,
                "{\"message\":\"Content-Type \\\"application/x-www-form-urlencoded\\\" is not allowed. Allowed types: "
                        + "application/json\",\"code\":\"UNSUPPORTED_MEDIA_TYPE\"}");
        assertError(http.postJson("/api/auth/revoke-sessions", "{\"token\":\"" + token + "\"}", null), 401,
                "{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
        assertThat(http.get("/protected/whoami", null, Map.of("Authorization", "Bearer " + token)).statusCode()).isEqualTo(401);
        // the session is alive all along: only the cookie carries it
        assertThat(http.get("/protected/whoami", cookiePair(signUp, "better-auth.session_token")).statusCode()).isEqualTo(200);

        // the container's own session id never travels in URLs either (tracking mode COOKIE from web-fragment.xml)
        HttpResponse<String> created = http.get("/test/http-session?put=x", null);
        String jsessionid = cookiePair(created, "JSESSIONID");
        assertThat(json(created).getString("encoded")).doesNotContainIgnoringCase("jsessionid").endsWith("/next");
        assertThat(json(http.get("/test/http-session", jsessionid)).getString("probe")).isEqualTo("x");
    }

    @Test
    void signIn_issuesANewToken_andRenewsTheApplicationsHttpSessionId_keepingItsAttributes() throws Exception { // T-12
        Http http = new Http(url);
        String email = email("renew");
        HttpResponse<String> signUp = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"R\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        String before = cookiePair(signUp, "better-auth.session_token");
        String oldId = cookiePair(http.get("/test/http-session?put=cart-42", null), "JSESSIONID");

        HttpResponse<String> signIn = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", before + "; " + oldId);
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        String after = cookiePair(signIn, "better-auth.session_token");
        assertThat(after).isNotEqualTo(before);
        assertThat(json(signIn).getString("token")).isNotEqualTo(tokenOf(before));
        String newId = cookiePair(signIn, "JSESSIONID");
        assertThat(newId).isNotEqualTo(oldId);
        JsonObject renewed = json(http.get("/test/http-session", newId));
        assertThat(renewed.getString("probe")).isEqualTo("cart-42"); // attributes survive (Shiro #2710)
        assertThat(json(http.get("/test/http-session", oldId)).isNull("probe")).isTrue();
        // by default the presented session stays, as in Better Auth (better-auth.session.revoke-on-sign-in deletes it)
        assertThat(http.get("/protected/whoami", before).statusCode()).isEqualTo(200);

        // a sign-in without an HttpSession creates none
        HttpResponse<String> plain = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(setCookies(plain)).noneMatch(l -> l.startsWith("JSESSIONID="));
    }

    @Test
    void aServletThatCommitsEarly_stillGetsTheRefreshedCookie() throws Exception { // T-10
        Http http = new Http(url);
        String email = email("stream");
        String cookie = cookiePair(http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"S\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null), "better-auth.session_token");
        String token = tokenOf(cookie);
        http.post("/test/age-session?token=" + token + "&seconds=86401", null, null, null); // refresh due
        HttpResponse<String> streamed = http.get("/test/early-flush", cookie);
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.body()).contains("committed=true", "user=" + email.toLowerCase()).doesNotContain("principal=none");
        assertThat(setCookies(streamed)).containsExactly(signedCookie("better-auth.session_token", token,
                "; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax"));
        assertThat(streamed.headers().allValues("cache-control")).containsExactly("no-store"); // T-11
        Instant expiresAt = Instant.parse(json(http.get("/api/auth/get-session", cookie)).getJsonObject("session")
                .getString("expiresAt"));
        assertThat(Duration.between(Instant.now(), expiresAt)).isGreaterThan(Duration.ofDays(6));
        assertThat(setCookies(http.get("/test/early-flush", cookie))).isEmpty(); // refreshed once
    }

    /** The token inside a {@code better-auth.session_token=<token>.<signature>} pair. */
    static String tokenOf(String pair) {
        int eq = pair.indexOf('=');
        return pair.substring(eq + 1, pair.indexOf('.', eq));
    }

    /** No caller: {@code getCallerPrincipal()} is null (WildFly's Elytron reports its "anonymous" principal instead). */
    static void assertAnonymous(JsonObject whoami) {
        assertThat(whoami.isNull("caller") || "anonymous".equals(whoami.getString("caller"))).as(whoami.toString()).isTrue();
        assertThat(whoami.isNull("userPrincipal")).as(whoami.toString()).isTrue();
        assertThat(whoami.getBoolean("isCallerInRoleUser")).isFalse();
        assertThat(whoami.isNull("email")).isTrue();
    }

    static void assertError(HttpResponse<String> r, int status, String body) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).isEqualTo(body);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
    }
}
