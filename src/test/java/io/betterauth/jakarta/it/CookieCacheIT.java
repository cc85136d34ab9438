package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.Http.setCookies;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The compact cookie cache in a container: sign-in writes {@code session_data}; get-session answers from it even
 * after the row is revoked (the documented revocation window) while sensitive endpoints see the revocation at
 * once; a tampered or foreign cache is a miss that keeps the user signed in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CookieCacheIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("cache", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.session.cookie-cache.enabled", "true"));
    }

    @ArquillianResource
    URL url;

    @Test
    void cacheHits_misses_andTheRevocationWindow() throws Exception {
        Http http = new Http(url);
        String email = "cache-" + System.nanoTime() + "@example.com";
        HttpResponse<String> signUp = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"C\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(setCookies(signUp)).hasSize(2);
        assertThat(setCookies(signUp).get(1)).startsWith("better-auth.session_data=ey").endsWith("; Max-Age=300; Path=/; HttpOnly; SameSite=Lax");
        String cookies = cookiePair(signUp, "better-auth.session_token") + "; " + cookiePair(signUp, "better-auth.session_data");

        HttpResponse<String> cached = http.get("/api/auth/get-session", cookies);
        assertThat(json(cached).getJsonObject("user").getString("email")).isEqualTo(email);
        assertThat(setCookies(cached)).isEmpty(); // a hit writes nothing

        // a tampered cache is a miss: the store answers, a fresh cache is issued, nobody is logged out
        String data = cookiePair(signUp, "better-auth.session_data");
        String tampered = cookiePair(signUp, "better-auth.session_token") + "; " + data.substring(0, 60) + "A" + data.substring(61);
        HttpResponse<String> miss = http.get("/api/auth/get-session", tampered);
        assertThat(json(miss).getJsonObject("user").getString("email")).isEqualTo(email);
        assertThat(setCookies(miss)).anyMatch(l -> l.startsWith("better-auth.session_data=; Max-Age=0"))
                .anyMatch(l -> l.startsWith("better-auth.session_data=ey"));
        HttpResponse<String> garbage = http.get("/api/auth/get-session", cookiePair(signUp, "better-auth.session_token")
                + "; better-auth.session_data=a.b.c");
        assertThat(garbage.statusCode()).isEqualTo(200);
        assertThat(json(garbage).getJsonObject("user").getString("email")).isEqualTo(email);

        // revoke this session from another device: the cache still answers until max-age (documented), but a
        // sensitive endpoint reads the store and refuses at once
        HttpResponse<String> other = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        String otherCookies = cookiePair(other, "better-auth.session_token");
        http.postJson("/api/auth/revoke-other-sessions", "{}", otherCookies);
        assertThat(json(http.get("/api/auth/get-session", cookies)).getJsonObject("user").getString("email")).isEqualTo(email);
        assertThat(http.get("/api/auth/get-session?disableCookieCache=true", cookies).body()).isEqualTo("null");
        assertThat(http.postJson("/api/auth/revoke-sessions", "{}", cookies).statusCode()).isEqualTo(401);
    }
}
