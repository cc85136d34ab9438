package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.Http.setCookies;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stateless sessions ({@code better-auth.database=none}): no tables, the session lives in a JWE cookie cache;
 * sign-in, get-session, the cache refresh at 80 % of its lifetime, and sign-out all work from cookies alone, while
 * listing devices says clearly that it needs a store.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatelessIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("stateless", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.database", "none",
                "better-auth.session.cookie-cache.max-age", "20"));
    }

    @ArquillianResource
    URL url;

    @Test
    void signIn_getSession_refresh_signOut_fromCookiesAlone() throws Exception {
        Http http = new Http(url);
        String email = "stateless-" + System.nanoTime() + "@example.com";
        HttpResponse<String> signUp = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"S\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(signUp.statusCode()).isEqualTo(200);
        String data = cookiePair(signUp, "better-auth.session_data");
        assertThat(data.substring(data.indexOf('=') + 1).split("\\.")).hasSize(5); // a compact JWE
        assertThat(setCookies(signUp).get(1)).contains("; Max-Age=20;");
        String cookies = cookiePair(signUp, "better-auth.session_token") + "; " + data;

        HttpResponse<String> session = http.get("/api/auth/get-session", cookies);
        assertThat(json(session).getJsonObject("user").getString("email")).isEqualTo(email);
        Instant expiresAt = Instant.parse(json(session).getJsonObject("session").getString("expiresAt"));
        assertThat(setCookies(session)).isEmpty();

        // past 80 % of the cache's 20 s lifetime (its exp is whole seconds, so it lives 19 to 20 s) the cache and the
        // token cookie are re-issued; the session's own expiry does not move (Better Auth's "should preserve session
        // expiry when refreshing stateless cookie cache")
        Thread.sleep(17_500);
        HttpResponse<String> refreshed = http.get("/api/auth/get-session", cookies);
        assertThat(setCookies(refreshed)).anyMatch(l -> l.startsWith("better-auth.session_data=ey"))
                .anyMatch(l -> l.startsWith("better-auth.session_token=") && l.contains("Max-Age=604800"));
        assertThat(Instant.parse(json(refreshed).getJsonObject("session").getString("expiresAt"))).isEqualTo(expiresAt);

        HttpResponse<String> list = http.get("/api/auth/list-sessions", cookies);
        assertThat(list.statusCode()).isEqualTo(501);
        assertThat(json(list).getString("code")).isEqualTo("STATELESS_SESSIONS");

        HttpResponse<String> signOut = http.postJson("/api/auth/sign-out", "{}", cookies);
        assertThat(setCookies(signOut)).contains("better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax")
                .anyMatch(l -> l.startsWith("better-auth.session_data=; Max-Age=0"));
        assertThat(http.get("/api/auth/get-session", null).body()).isEqualTo("null");
    }
}
