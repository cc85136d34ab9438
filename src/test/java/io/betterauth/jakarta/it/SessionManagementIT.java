package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.Http.setCookies;
import static io.betterauth.jakarta.it.SessionLifecycleIT.assertError;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import io.betterauth.jakarta.it.app.AdminGroups;
import io.betterauth.jakarta.it.app.AdminSessionsServlet;
import io.betterauth.jakarta.it.app.ServerSideAuthServlet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Session management on Payara Micro: two users with several devices each, revocation rules, change-password,
 * update-user, freshness, the origin check, and the {@code @RequireSession} annotation, its servlet filter and the
 * injectable Java API in an app's own code.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionManagementIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("management", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                // both beyond Better Auth, off by default: T-12 and T-17
                "better-auth.session.revoke-on-sign-in", "true",
                "better-auth.session.fresh-revoke", "true"))
                .addClasses(AdminGroups.class, AdminSessionsServlet.class, ServerSideAuthServlet.class);
    }

    @ArquillianResource
    URL url;

    Http http;

    String signUp(String email) throws Exception {
        HttpResponse<String> r = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"U\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return cookiePair(r, "better-auth.session_token");
    }

    String signIn(String email, String password) throws Exception {
        HttpResponse<String> r = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return cookiePair(r, "better-auth.session_token");
    }

    static String token(String cookie) {
        int eq = cookie.indexOf('=');
        return cookie.substring(eq + 1, cookie.indexOf('.', eq));
    }

    boolean signedIn(String cookie) throws Exception {
        return !"null".equals(http.get("/api/auth/get-session", cookie).body());
    }

    JsonArray list(String cookie) throws Exception {
        HttpResponse<String> r = http.get("/api/auth/list-sessions", cookie);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    void age(String cookie, long seconds) throws Exception {
        assertThat(http.post("/test/age-session?token=" + token(cookie) + "&seconds=" + seconds, null, null, null).body())
                .isEqualTo("1");
    }

    @Test
    void twoUsersSeveralDevices_revocationRules() throws Exception { // T-22, T-23, T-24
        http = new Http(url);
        String a = "a-" + System.nanoTime() + "@example.com";
        String b = "b-" + System.nanoTime() + "@example.com";
        String a1 = signUp(a);
        String a2 = signIn(a, "test123456");
        String a3 = signIn(a, "test123456");
        String b1 = signUp(b);
        String b2 = signIn(b, "test123456");

        JsonArray sessions = list(a1);
        assertThat(sessions).hasSize(3); // T-21: the caller's sessions only, with Better Auth's fields
        assertThat(sessions.getValuesAs(JsonValue::asJsonObject)).allSatisfy(o -> {
            assertThat(o.keySet()).containsExactly("expiresAt", "token", "createdAt", "updatedAt", "ipAddress",
                    "userAgent", "userId", "id");
            assertThat(o.getString("userId")).isEqualTo(json(http.get("/api/auth/get-session", a1)).getJsonObject("user").getString("id"));
        });
        assertThat(sessions.getValuesAs(JsonValue::asJsonObject)).extracting(o -> o.getString("token"))
                .containsExactlyInAnyOrder(token(a1), token(a2), token(a3));
        assertThat(http.get("/api/guarded/devices", a1).body()).isEqualTo("3"); // the injectable Java API

        // A revoking B's token deletes nothing and answers exactly as a real revoke does (T-22)
        HttpResponse<String> foreign = http.postJson("/api/auth/revoke-session", "{\"token\":\"" + token(b1) + "\"}", a1);
        HttpResponse<String> own = http.postJson("/api/auth/revoke-session", "{\"token\":\"" + token(a3) + "\"}", a1);
        assertThat(foreign.statusCode()).isEqualTo(own.statusCode()).isEqualTo(200);
        assertThat(foreign.body()).isEqualTo(own.body()).isEqualTo("{\"status\":true}");
        assertThat(setCookies(foreign)).isEqualTo(setCookies(own)).isEmpty();
        assertThat(signedIn(b1)).isTrue();
        assertThat(signedIn(a3)).isFalse();
        assertError(http.postJson("/api/auth/revoke-session", "{}", a1), 400,
                "{\"message\":\"[body.token] Invalid input: expected string, received undefined\",\"code\":\"VALIDATION_ERROR\"}");

        // revoke-other keeps exactly the current session
        assertThat(http.postJson("/api/auth/revoke-other-sessions", "{}", a1).body()).isEqualTo("{\"status\":true}");
        assertThat(signedIn(a1)).isTrue();
        assertThat(signedIn(a2)).isFalse();
        assertThat(list(a1)).hasSize(1);

        // change-password with revokeOtherSessions: only the caller's new session survives
        HttpResponse<String> changed = http.postJson("/api/auth/change-password",
                "{\"currentPassword\":\"test123456\",\"newPassword\":\"another-password\",\"revokeOtherSessions\":true}", b1);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        String newToken = json(changed).getString("token");
        assertThat(json(changed).getJsonObject("user").getString("email")).isEqualTo(b);
        String b3 = cookiePair(changed, "better-auth.session_token");
        assertThat(token(b3)).isEqualTo(newToken);
        assertThat(signedIn(b1)).isFalse();
        assertThat(signedIn(b2)).isFalse();
        assertThat(signedIn(b3)).isTrue();
        assertThat(list(b3)).hasSize(1);
        assertError(http.postJson("/api/auth/sign-in/email", "{\"email\":\"" + b + "\",\"password\":\"test123456\"}", null),
                401, "{\"message\":\"Invalid email or password\",\"code\":\"INVALID_EMAIL_OR_PASSWORD\"}");
        assertError(http.postJson("/api/auth/change-password",
                "{\"currentPassword\":\"wrong-password\",\"newPassword\":\"another-password-2\"}", b3),
                400, "{\"message\":\"Invalid password\",\"code\":\"INVALID_PASSWORD\"}");

        // update-user
        assertThat(http.postJson("/api/auth/update-user", "{\"name\":\"Renamed\"}", a1).body()).isEqualTo("{\"status\":true}");
        assertThat(json(http.get("/api/auth/get-session", a1)).getJsonObject("user").getString("name")).isEqualTo("Renamed");
        assertError(http.postJson("/api/auth/update-user", "{\"email\":\"x@example.com\"}", a1), 400,
                "{\"message\":\"Email can not be updated\",\"code\":\"EMAIL_CAN_NOT_BE_UPDATED\"}");
        assertError(http.postJson("/api/auth/update-session", "{\"token\":\"x\"}", a1), 400, "{\"message\":\"No fields to update\"}");

        // revoke-sessions: everything, cookies cleared
        HttpResponse<String> all = http.postJson("/api/auth/revoke-sessions", "{}", a1);
        assertThat(all.body()).isEqualTo("{\"status\":true}");
        assertThat(setCookies(all)).contains("better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
        assertThat(signedIn(a1)).isFalse();
        assertError(http.get("/api/auth/list-sessions", a1), 401, "{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
    }

    @Test
    void freshness_annotations_andTheServletFilter() throws Exception {
        http = new Http(url);
        String email = "fresh-" + System.nanoTime() + "@example.com";
        String cookie = signUp(email);

        assertError(http.get("/api/guarded", null), 401, "{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
        assertThat(http.get("/api/guarded", cookie).body()).isEqualTo("hello " + email);
        assertThat(http.get("/api/guarded/fresh", cookie).body()).isEqualTo("fresh " + email);
        assertError(http.get("/guarded/whoami", null), 401, "{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
        assertThat(http.get("/guarded/whoami", cookie).statusCode()).isEqualTo(200);
        assertThat(http.get("/guarded-fresh/whoami", cookie).statusCode()).isEqualTo(200);
        assertThat(list(cookie)).hasSize(1);

        age(cookie, 86401); // signed in more than freshAge (1 day) ago
        String notFresh = "{\"message\":\"Session is not fresh\",\"code\":\"SESSION_NOT_FRESH\"}";
        assertError(http.get("/api/auth/list-sessions", cookie), 403, notFresh);
        assertError(http.postJson("/api/auth/change-password",
                "{\"currentPassword\":\"test123456\",\"newPassword\":\"another-password\"}", cookie), 403, notFresh);
        assertError(http.get("/api/guarded/fresh", cookie), 403, notFresh);
        assertError(http.get("/guarded-fresh/whoami", cookie), 403, notFresh);
        // T-17 with better-auth.session.fresh-revoke: every revoke endpoint too
        assertError(http.postJson("/api/auth/revoke-other-sessions", "{}", cookie), 403, notFresh);
        assertError(http.postJson("/api/auth/revoke-sessions", "{}", cookie), 403, notFresh);
        assertError(http.postJson("/api/auth/revoke-session", "{\"token\":\"" + token(cookie) + "\"}", cookie), 403, notFresh);
        assertThat(signedIn(cookie)).isTrue();
        assertThat(http.get("/api/guarded", cookie).statusCode()).isEqualTo(200); // still signed in
        assertThat(http.get("/guarded/whoami", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    void revokeOnSignIn_deletesThePresentedSession_andItsReuseIs401() throws Exception { // T-12
        http = new Http(url);
        String email = "replace-" + System.nanoTime() + "@example.com";
        String before = signUp(email);
        String otherDevice = signIn(email, "test123456");
        HttpResponse<String> again = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", before);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        String after = cookiePair(again, "better-auth.session_token");
        assertThat(token(after)).isNotEqualTo(token(before));
        assertError(http.get("/api/auth/list-sessions", before), 401, "{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
        assertThat(http.get("/protected/whoami", before).statusCode()).isEqualTo(401);
        assertThat(signedIn(after)).isTrue();
        assertThat(signedIn(otherDevice)).isTrue();
        assertThat(list(after)).hasSize(2);
    }

    @Test
    void crossOriginPostsWithACookie_areRejected_sameOriginAndTrustedPass() throws Exception { // T-39
        http = new Http(url);
        String cookie = signUp("origin-" + System.nanoTime() + "@example.com");
        assertError(http.post("/api/auth/revoke-other-sessions", "application/json", "{}", cookie, "http://evil.example"),
                403, "{\"message\":\"Invalid origin\",\"code\":\"INVALID_ORIGIN\"}");
        assertError(http.post("/api/auth/sign-out", "application/json", "{}", cookie, null),
                403, "{\"message\":\"Missing or null Origin\",\"code\":\"MISSING_OR_NULL_ORIGIN\"}");
        assertThat(signedIn(cookie)).isTrue();
        // the configured base URL's origin and the trusted pattern both pass
        assertThat(http.post("/api/auth/revoke-other-sessions", "application/json", "{}", cookie, "http://localhost:8080")
                .statusCode()).isEqualTo(200);
        assertThat(http.post("/api/auth/sign-out", "application/json", "{}", cookie, http.origin()).statusCode()).isEqualTo(200);
        assertThat(signedIn(cookie)).isFalse();
        // a cross-site navigation cannot sign anyone in
        assertThat(http.post("/api/auth/sign-in/email", "application/x-www-form-urlencoded",
                "email=x%40example.com&password=test123456", null, "http://evil.example").statusCode()).isEqualTo(403);
    }

    String userId(String cookie) throws Exception {
        return json(http.get("/api/auth/get-session", cookie)).getJsonObject("user").getString("id");
    }

    @Test
    void adminJavaApi_requiresTheAdminRole_revokesAUsersSessions_byMethodAndByCdiEvent() throws Exception { // T-25, T-26
        http = new Http(url);
        long n = System.nanoTime();
        String admin = signUp("admin-" + n + "@example.com");
        String target = "target-" + n + "@example.com";
        String t1 = signUp(target);
        String t2 = signIn(target, "test123456");
        String t3 = signIn(target, "test123456");
        String id = userId(t1);

        // the container enforces the role: anonymous 401, a plain user 403; the admin gets ids, never tokens
        assertThat(http.get("/admin/user-sessions?userId=" + id, null).statusCode()).isEqualTo(401);
        assertThat(http.get("/admin/user-sessions?userId=" + id, t1).statusCode()).isEqualTo(403);
        assertThat(http.post("/admin/user-sessions?userId=" + id, null, null, t2).statusCode()).isEqualTo(403);
        HttpResponse<String> listed = http.get("/admin/user-sessions?userId=" + id, admin);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body().split(",")).hasSize(3);
        assertThat(listed.body()).doesNotContain(token(t1)).doesNotContain(token(t2)).doesNotContain(token(t3));
        assertThat(http.get("/api/me", admin).body()).endsWith("(user)");

        // one session by id
        String t3Id = json(http.get("/api/auth/get-session", t3)).getJsonObject("session").getString("id");
        assertThat(http.post("/admin/user-sessions?userId=" + id + "&sessionId=" + t3Id, null, null, admin).body())
                .isEqualTo("true");
        assertThat(signedIn(t3)).isFalse();
        assertThat(signedIn(t1)).isTrue();

        // every session: the user is signed out on every device, the admin is not
        assertThat(http.post("/admin/user-sessions?userId=" + id, null, null, admin).body()).isEqualTo("2");
        assertThat(signedIn(t1)).isFalse();
        assertThat(signedIn(t2)).isFalse();
        assertThat(signedIn(admin)).isTrue();

        // the host disables the account by firing the CDI event
        String t4 = signIn(target, "test123456");
        String t5 = signIn(target, "test123456");
        assertThat(http.post("/admin/user-sessions?userId=" + id + "&via=event", null, null, admin).body()).isEqualTo("fired");
        assertThat(signedIn(t4)).isFalse();
        assertThat(signedIn(t5)).isFalse();
        assertThat(http.get("/admin/user-sessions?userId=" + id, admin).body()).isEmpty();
    }

    @Test
    void serverSideSignIn_cookiesAuthenticateGetSession_andServerSideSignOutEndsIt() throws Exception {
        http = new Http(url);
        String email = "server-" + System.nanoTime() + "@example.com";
        signUp(email);
        // No Origin header: the app's own code calls the API, so Better Auth's origin check does not apply.
        HttpResponse<String> in = http.post("/server-auth/sign-in?email=" + email + "&password=test123456", null, null,
                null, null);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        assertThat(in.body()).isEqualTo("signed in " + email);
        assertThat(in.headers().allValues("cache-control")).containsExactly("no-store");
        String cookie = cookiePair(in, "better-auth.session_token");
        assertThat(json(http.get("/api/auth/get-session", cookie)).getJsonObject("user").getString("email"))
                .isEqualTo(email);

        HttpResponse<String> wrong = http.post("/server-auth/sign-in?email=" + email + "&password=wrong-password",
                null, null, null, null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("INVALID_EMAIL_OR_PASSWORD");
        assertThat(setCookies(wrong)).isEmpty();

        HttpResponse<String> out = http.post("/server-auth/sign-out", null, null, cookie, null);
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        assertThat(setCookies(out)).anyMatch(l -> l.startsWith("better-auth.session_token=;") && l.contains("Max-Age=0"));
        assertThat(signedIn(cookie)).isFalse();
    }

    @Test
    void concurrentRequestsOfDifferentUsers_eachSeeTheirOwnPrincipal() throws Exception { // T-42
        http = new Http(url);
        int users = 6;
        List<String> cookies = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String cookie = signUp("concurrent-" + i + "-" + System.nanoTime() + "@example.com");
            cookies.add(cookie);
            ids.add(userId(cookie));
        }
        ExecutorService pool = Executors.newFixedThreadPool(users * 2);
        try {
            List<Callable<List<String>>> work = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < users; i++) {
                    int user = i;
                    work.add(() -> {
                        List<String> wrong = new ArrayList<>();
                        for (int r = 0; r < 15; r++) {
                            String me = http.get("/api/me", cookies.get(user)).body();
                            if (!me.equals(ids.get(user) + " (user)")) {
                                wrong.add(user + " /api/me -> " + me);
                            }
                            String who = json(http.get("/protected/whoami", cookies.get(user))).getString("userPrincipal");
                            if (!ids.get(user).equals(who)) {
                                wrong.add(user + " /protected/whoami -> " + who);
                            }
                            String anonymous = http.get("/api/me", null).body();
                            if (!anonymous.equals("anonymous")) {
                                wrong.add("anonymous /api/me -> " + anonymous);
                            }
                        }
                        return wrong;
                    });
                }
            }
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> f : pool.invokeAll(work, 5, TimeUnit.MINUTES)) {
                wrong.addAll(f.get());
            }
            assertThat(wrong).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSessionRowWithANullRequiredColumn_isNoSession_neverA500() throws Exception { // T-37
        http = new Http(url);
        String email = "drift-" + System.nanoTime() + "@example.com";
        String cookie = signUp(email);
        assertThat(http.post("/test/age-session?token=" + token(cookie) + "&corrupt=null-expiry", null, null, null).body())
                .isEqualTo("1");
        HttpResponse<String> session = http.get("/api/auth/get-session", cookie);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).isEqualTo("null");
        assertThat(setCookies(session)).anySatisfy(c -> assertThat(c).startsWith("better-auth.session_token=; Max-Age=0"));
        assertError(http.get("/api/auth/list-sessions", cookie), 401, "{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
        assertThat(http.get("/api/me", cookie).body()).isEqualTo("anonymous");
        assertThat(http.get("/protected/whoami", cookie).statusCode()).isEqualTo(401);
        // signing in again works: the drifted row does not stand in the way
        assertThat(signedIn(signIn(email, "test123456"))).isTrue();
    }
}
