package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
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
