package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, #2 in a container: a stolen copy of a user's cookies, with the cookie cache on, cannot keep itself
 * signed in past a revocation by calling an endpoint that re-issues the cache. Before the fix, update-user accepted
 * the cached session and minted a new {@code session_data} with a fresh max-age on every call.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CachedCopyRevocationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("cachedcopy", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.session.cookie-cache.enabled", "true",
                "better-auth.session.cookie-cache.max-age", "6"));
    }

    @ArquillianResource
    URL url;

    /** A browser's cookie jar: later lines win, {@code Max-Age=0} deletes. */
    private static void apply(Map<String, String> jar, HttpResponse<?> response) {
        for (String line : setCookies(response)) {
            String pair = line.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            if (line.contains("Max-Age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, pair.substring(pair.indexOf('=') + 1));
            }
        }
    }

    private static String header(Map<String, String> jar) {
        return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    @Test
    void aCopyCallingUpdateUserEvery4Seconds_isSignedOut12SecondsAfterTheOwnersRevoke() throws Exception {
        Http http = new Http(url);
        String email = "copy-" + System.nanoTime() + "@example.com";
        HttpResponse<String> signUp = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"Owner\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(signUp.statusCode()).isEqualTo(200);
        Map<String, String> owner = new LinkedHashMap<>();
        apply(owner, signUp);
        Map<String, String> copy = new LinkedHashMap<>(owner);
        assertThat(copy).containsKeys("better-auth.session_token", "better-auth.session_data");

        assertThat(http.postJson("/api/auth/revoke-sessions", "{}", header(owner)).statusCode()).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            Thread.sleep(4000);
            HttpResponse<String> update = http.postJson("/api/auth/update-user", "{\"name\":\"Mallory\"}",
                    copy.isEmpty() ? null : header(copy));
            assertThat(update.statusCode()).as(update.body()).isEqualTo(401);
            assertThat(setCookies(update)).noneMatch(l -> l.startsWith("better-auth.session_data=ey"));
            apply(copy, update);
        }
        HttpResponse<String> session = http.get("/api/auth/get-session", copy.isEmpty() ? null : header(copy));
        assertThat(session.body()).isEqualTo("null");
        // The name the copy tried to set never reached the user either.
        HttpResponse<String> signIn = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(SessionLifecycleIT.json(signIn).getJsonObject("user").getString("name")).isEqualTo("Owner");
    }
}
