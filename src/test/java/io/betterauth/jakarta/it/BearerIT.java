package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.AuthClient.json;
import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.Http.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Better Auth's bearer plugin ({@code better-auth.plugins=bearer}) on each container, from the client side:
 * {@code Authorization: Bearer} alone authenticates a protected servlet, a JAX-RS resource's {@code SecurityContext}
 * and the endpoints, as the cookie does; sign-up and a refresh by the mechanism carry {@code set-auth-token}
 * (exposed to scripts); a tampered, malformed or oversized token is no caller and never a 500; sign-out with the
 * bearer token alone, and no {@code Origin}, ends the session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BearerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("bearer", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.plugins", "bearer"));
    }

    @ArquillianResource
    URL url;

    @Test
    void aBearerToken_authenticatesWhereTheCookieDoes_isRefreshed_andSignOutEndsIt() throws Exception {
        Http http = new Http(url);
        HttpResponse<String> signUp = http.postJson("/api/auth/sign-up/email", "{\"name\":\"Bea\",\"email\":\"bearer-"
                + System.nanoTime() + "@example.com\",\"password\":\"test123456\"}", null);
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(200);
        String token = json(signUp).getString("token");
        String userId = json(signUp).getJsonObject("user").getString("id");
        String cookieValue = cookiePair(signUp, "better-auth.session_token").split("=", 2)[1];
        String authToken = signUp.headers().firstValue("set-auth-token").orElseThrow();
        assertThat(authToken).as("the session cookie's signed value, percent-decoded")
                .isEqualTo(URLDecoder.decode(cookieValue, StandardCharsets.UTF_8)).startsWith(token + ".");
        assertThat(signUp.headers().allValues("access-control-expose-headers")).containsExactly("set-auth-token");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + authToken);

        // the mechanism: a protected servlet and a JAX-RS resource see the caller; then the endpoints
        HttpResponse<String> page = http.get("/protected/whoami", null, bearer);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(json(page).getString("caller")).isEqualTo(userId);
        assertThat(http.get("/api/me", null, bearer).body()).isEqualTo(userId + " (user)");
        assertThat(http.get("/api/me", null, Map.of("Authorization", "bearer " + token)).body())
                .as("a raw session token, signed by the plugin (requireSignature off)").isEqualTo(userId + " (user)");
        HttpResponse<String> session = http.get("/api/auth/get-session", null, bearer);
        assertThat(json(session).getJsonObject("session").getString("token")).isEqualTo(token);
        assertThat(setCookies(session)).isEmpty();

        // anything else is no caller: 401 on the protected page, null from get-session, never a 500
        int sig = authToken.lastIndexOf('.') + 1;
        String tampered = authToken.substring(0, sig) + (authToken.charAt(sig) == 'A' ? 'B' : 'A')
                + authToken.substring(sig + 1);
        for (String header : List.of("Bearer " + tampered, "Bearer a.b.c", "Bearer %E0%A4%A.x", "Bearer ",
                // just over the 4 KiB the library reads (a far longer header is the container's to refuse)
                "Bearer " + "x".repeat(4100) + "." + authToken, "Basic " + authToken)) {
            Map<String, String> h = Map.of("Authorization", header);
            assertThat(http.get("/protected/whoami", null, h).statusCode()).as(header).isEqualTo(401);
            HttpResponse<String> none = http.get("/api/auth/get-session", null, h);
            assertThat(none.statusCode()).as(header).isEqualTo(200);
            assertThat(none.body()).as(header).isEqualTo("null");
        }

        // a day later the mechanism slides the expiry: the new cookie and set-auth-token, exposed
        assertThat(http.post("/test/age-session?token=" + token + "&seconds=86401", null, null, null).body())
                .isEqualTo("1");
        HttpResponse<String> refreshed = http.get("/whoami", null, bearer);
        assertThat(json(refreshed).getString("caller")).isEqualTo(userId);
        assertThat(setCookies(refreshed)).singleElement().asString().startsWith("better-auth.session_token=" + cookieValue
                + "; Max-Age=604800;");
        assertThat(refreshed.headers().firstValue("set-auth-token")).contains(authToken);
        assertThat(refreshed.headers().allValues("access-control-expose-headers")).containsExactly("set-auth-token");

        // sign-out with the bearer token alone (no cookie, no Origin): the session is gone
        HttpResponse<String> out = http.post("/api/auth/sign-out", null, null, null, null, bearer);
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        assertThat(out.body()).isEqualTo("{\"success\":true}");
        assertThat(out.headers().firstValue("set-auth-token")).isEmpty();
        assertThat(http.get("/api/auth/get-session", null, bearer).body()).isEqualTo("null");
        assertThat(http.get("/protected/whoami", null, bearer).statusCode()).isEqualTo(401);
    }
}
