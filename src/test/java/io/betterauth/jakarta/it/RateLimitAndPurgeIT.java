package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
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
 * Issue 9 in a container: Better Auth's rate limit on the REST layer (429 after 3 sign-ins from one address, a
 * spoofed {@code X-Forwarded-For} or a query buys no new bucket) and the scheduled purge of expired sessions on the
 * container's managed scheduled executor. The two tests share the address's buckets: together they stay within
 * sign-up's 3 per 10 s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RateLimitAndPurgeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("ratelimit", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.rate-limit.enabled", "true",
                // Each test below that needs buckets of its own names its client address in this header; requests
                // without it are counted under the socket address.
                "better-auth.advanced.ip-address.ip-address-headers", "x-test-client-ip",
                "better-auth.purge.interval", "1",
                "better-auth.purge.batch-size", "2"));
    }

    @ArquillianResource
    URL url;

    private static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static String email(String tag) {
        return tag + "-" + System.nanoTime() + "@example.com";
    }

    private static HttpResponse<String> signUp(Http http, String email) throws Exception {
        HttpResponse<String> r = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"N\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void theFourthSignInWithin10Seconds_gets429_likeBetterAuth() throws Exception {
        Http http = new Http(url);
        String email = email("limited");
        signUp(http, email);
        String body = "{\"email\":\"" + email + "\",\"password\":\"test123456\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(http.postJson("/api/auth/sign-in/email", body, null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = http.postJson("/api/auth/sign-in/email", body, null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).isEqualTo("{\"message\":\"Too many requests. Please try again later.\"}");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        assertThat(Long.parseLong(refused.headers().firstValue("X-Retry-After").orElseThrow())).isBetween(1L, 10L);
        // Neither a forged forwarded address (not configured as trusted) nor a query makes a new bucket.
        assertThat(http.post("/api/auth/sign-in/email?retry=1", "application/json", body, null, http.origin(),
                Map.of("X-Forwarded-For", "203.0.113.77")).statusCode()).isEqualTo(429);
        // Other paths have buckets of their own (100 per 10 s).
        assertThat(http.get("/api/auth/get-session", null).statusCode()).isEqualTo(200);
    }

    /** Wrong-password sign-ins that reached the password check (401), as opposed to refused ones (429). */
    private static int passwordChecks(List<HttpResponse<String>> answers) {
        return (int) answers.stream().filter(r -> r.statusCode() == 401).count();
    }

    @Test
    void everySpellingOfTheSignInPath_sharesItsOneBucket() throws Exception { // issue 15, #1
        Http http = new Http(url, HttpClient.Version.HTTP_1_1);
        Map<String, String> client = Map.of("x-test-client-ip", "198.51.100.21");
        String body = "{\"email\":\"nobody-" + System.nanoTime() + "@example.com\",\"password\":\"wrong-password\"}";
        List<String> spellings = List.of("/api/auth/sign-in/email", "/api/auth/sign-in/email/",
                "/api/auth/sign-in/email;x=1", "/api/auth//sign-in/email", "/api/auth/./sign-in/email",
                "/api/auth/sign-in/./email", "/api/auth/sign-in//email", "/api/auth/sign-in/email;jsessionid=abc",
                "/api/auth/sign-in/%65mail", "/api/auth/sign-in/email?x=1", "/api/auth/sign-in;a=b/email",
                "/api/auth/x/../sign-in/email");
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String path : spellings) {
            HttpResponse<String> r = http.post(path, "application/json", body, null, http.origin(), client);
            assertThat(r.statusCode()).as(path + " " + r.body()).isIn(401, 404, 400, 429);
            answers.add(r);
        }
        // Before the fix each spelling had a fresh 3-per-10 s bucket of its own: 8 of 12 reached the check.
        assertThat(passwordChecks(answers)).as("sign-ins that reached the password check").isLessThanOrEqualTo(3);
        assertThat(answers.get(0).statusCode()).isEqualTo(401);
        assertThat(answers).as("spellings that reached sign-in after the third were refused")
                .anyMatch(r -> r.statusCode() == 429);
    }

    @Test
    void distinctUnknownPaths_makeNoBuckets_andLeaveASignInCounterIntact() throws Exception { // issue 15, #1
        Http http = new Http(url, HttpClient.Version.HTTP_1_1);
        Map<String, String> client = Map.of("x-test-client-ip", "198.51.100.22");
        String body = "{\"email\":\"nobody-" + System.nanoTime() + "@example.com\",\"password\":\"wrong-password\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/auth/sign-in/email", "application/json", body, null, http.origin(), client)
                    .statusCode()).isEqualTo(401);
        }
        long started = System.nanoTime();
        String filler = "x".repeat(1500);
        // The first unknown path makes this address's one bucket for all of them.
        assertThat(http.get("/api/auth/unknown-first-" + filler, null, client).statusCode()).isEqualTo(404);
        long bytesBefore = Long.parseLong(http.get("/test/rate-limit-bytes", null).body());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String path = "/api/auth/unknown-" + i + "-" + filler;
                statuses.add(pool.submit(() -> http.get(path, null, client).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> s : statuses) {
                assertThat(s.get()).isIn(404, 429);
            }
        } finally {
            pool.shutdownNow();
        }
        // No bucket per path: the limiter holds what it held, and so nothing was evicted to make room.
        assertThat(Long.parseLong(http.get("/test/rate-limit-bytes", null).body())).isEqualTo(bytesBefore);
        HttpResponse<String> fourth = http.post("/api/auth/sign-in/email", "application/json", body, null,
                http.origin(), client);
        if (System.nanoTime() - started < 9_000_000_000L) { // still inside the sign-in window of 10 s
            assertThat(fourth.statusCode()).isEqualTo(429);
        }
    }

    @Test
    void expiredSessions_arePurgedByTheScheduledTask_liveOnesStay() throws Exception {
        Http http = new Http(url);
        JsonObject expired = json(signUp(http, email("expired")));
        JsonObject live = json(signUp(http, email("live")));
        String expiredUser = expired.getJsonObject("user").getString("id");
        String liveUser = live.getJsonObject("user").getString("id");
        // A session that expired a day ago, as the clock servlet makes it.
        assertThat(http.post("/test/age-session", "application/x-www-form-urlencoded",
                "token=" + expired.getString("token") + "&seconds=" + (604800 + 86400), null).body()).isEqualTo("1");
        long deadline = System.nanoTime() + 90_000_000_000L;
        String rows;
        do {
            Thread.sleep(500);
            rows = http.get("/test/age-session?userId=" + expiredUser, null).body();
        } while (!rows.equals("{\"rows\":0,\"live\":0}") && System.nanoTime() < deadline);
        assertThat(rows).isEqualTo("{\"rows\":0,\"live\":0}");
        assertThat(http.get("/test/age-session?userId=" + liveUser, null).body()).isEqualTo("{\"rows\":1,\"live\":1}");
    }
}
