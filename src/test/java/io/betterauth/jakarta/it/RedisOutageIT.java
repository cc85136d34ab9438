package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.betterauth.jakarta.store.redis.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis goes away under a running server (a loopback proxy in front of the real Redis is stopped): with session
 * rows kept in the database, get-session is still answered from them, quickly; what needs Redis answers 503 in
 * Better Auth's shape; nothing is half-written; when Redis returns the server recovers by itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedisOutageIT {

    static final TcpProxy PROXY = new TcpProxy("127.0.0.1", 6379);

    @Deployment(testable = false)
    static WebArchive deployment() {
        try {
            PROXY.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Deployments.war("outage", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.secondary-storage.redis-url", "redis://127.0.0.1:" + PROXY.port() + "/14",
                "better-auth.session.store-session-in-database", "true"));
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @ArquillianResource
    URL url;

    @Test
    void databaseAnswersWhileRedisIsDown_writesFailCleanly_andTheServerRecovers() throws Exception {
        Http http = new Http(url);
        String email = "outage-" + System.nanoTime() + "@example.com";
        String cookie = cookiePair(http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"O\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null), "better-auth.session_token");

        PROXY.stop();
        try {
            HttpResponse<String> session = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> http.get("/api/auth/get-session", cookie));
            assertThat(session.statusCode()).isEqualTo(200);
            assertThat(json(session).getJsonObject("user").getString("email")).isEqualTo(email);
            assertThat(json(http.get("/whoami", cookie)).getString("email")).isEqualTo(email);

            HttpResponse<String> signIn = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> http.postJson("/api/auth/sign-in/email",
                            "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null));
            assertThat(signIn.statusCode()).isEqualTo(503);
            assertThat(signIn.body()).isEqualTo("{\"message\":\"Service unavailable\",\"code\":\"SERVICE_UNAVAILABLE\"}");
            assertThat(http.postJson("/api/auth/revoke-sessions", "{}", cookie).statusCode()).isEqualTo(503);
        } finally {
            PROXY.start();
        }

        // back: the session survived, new sessions and revocations work again without a restart
        assertThat(json(http.get("/api/auth/get-session", cookie)).getJsonObject("user").getString("email")).isEqualTo(email);
        HttpResponse<String> again = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(http.get("/api/auth/list-sessions", cookie).body()).contains(json(again).getString("token"));
        assertThat(http.postJson("/api/auth/revoke-sessions", "{}", cookie).body()).isEqualTo("{\"status\":true}");
        assertThat(http.get("/api/auth/get-session", cookie).body()).isEqualTo("null");
    }
}
