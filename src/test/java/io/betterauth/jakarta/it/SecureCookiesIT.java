package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.Http.setCookies;
import static io.betterauth.jakarta.it.SessionLifecycleIT.assertError;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static io.betterauth.jakarta.it.SessionLifecycleIT.signedCookie;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Cookies as a production deployment writes them: an https base URL, {@code use-host-prefix} (so {@code __Host-}
 * names), the cookie cache (chunked for a large user) and {@code clear-site-data}. Checks every attribute of every
 * {@code Set-Cookie} line, which cookie wins when old ones linger, and that sign-out expires all of them under the
 * names and attributes they were written with (checklist T-05 … T-08, T-11, T-19, T-20).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecureCookiesIT {

    static final String ATTRIBUTES = "; Path=/; HttpOnly; Secure; SameSite=Lax";
    static final String TOKEN = "__Host-better-auth.session_token";
    static final String DATA = "__Host-better-auth.session_data";
    static final String DONT_REMEMBER = "__Host-better-auth.dont_remember";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("secure", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "https://app.example.test",
                "better-auth.advanced.use-host-prefix", "true",
                "better-auth.session.cookie-cache.enabled", "true",
                "better-auth.advanced.clear-site-data", "true"));
    }

    @ArquillianResource
    URL url;

    /** What a browser sends back after these Set-Cookie lines (only the live ones). */
    static String browser(HttpResponse<?> response) {
        List<String> pairs = new ArrayList<>();
        for (String line : setCookies(response)) {
            if (!line.contains("Max-Age=0")) {
                pairs.add(line.split(";", 2)[0]);
            }
        }
        return String.join("; ", pairs);
    }

    String signUpLargeUser(Http http, String email) throws Exception {
        // a 3500-character image makes the cache cookie too large for one cookie: it is chunked (T-08), while the
        // whole Cookie header stays under the 8 KiB request-header limit of Tomcat and Payara
        HttpResponse<String> r = http.postJson("/api/auth/sign-up/email", "{\"name\":\"Big\",\"email\":\"" + email
                + "\",\"password\":\"test123456\",\"image\":\"https://img.example/" + "x".repeat(3500) + "\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return browser(r);
    }

    @Test
    void hostPrefixedCookies_carryEveryAttribute_andWinOverLegacyOnes() throws Exception { // T-05, T-06, T-07, T-08
        Http http = new Http(url, HttpClient.Version.HTTP_1_1);
        String email = "secure-" + System.nanoTime() + "@example.com";
        signUpLargeUser(http, email);
        HttpResponse<String> signIn = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        String token = json(signIn).getString("token");
        List<String> lines = setCookies(signIn);
        // T-05/T-06: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain, __Host- names
        assertThat(lines.get(0)).isEqualTo(signedCookie(TOKEN, token, "; Max-Age=604800" + ATTRIBUTES));
        assertThat(lines.subList(1, lines.size())).hasSizeGreaterThanOrEqualTo(2).allSatisfy(line -> assertThat(line)
                .matches(java.util.regex.Pattern.quote(DATA) + "\\.\\d=[^;]+; Max-Age=300"
                        + java.util.regex.Pattern.quote(ATTRIBUTES)));
        // T-08: every cookie's name and value fit in 4096 bytes
        assertThat(lines).allSatisfy(line -> assertThat(line.split(";", 2)[0].getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(4096));
        assertThat(lines).noneMatch(line -> line.contains("Domain="));
        assertThat(signIn.headers().allValues("cache-control")).containsExactly("no-store"); // T-11

        String cookies = browser(signIn);
        HttpResponse<String> cached = http.get("/api/auth/get-session", cookies);
        assertThat(json(cached).getJsonObject("session").getString("token")).isEqualTo(token);
        assertThat(setCookies(cached)).isEmpty(); // read back from the chunks
        assertThat(json(http.get("/whoami", cookies)).getString("email")).isEqualTo(email);

        // T-07: an unprefixed or __Secure- cookie of another session, even sent first, loses to the __Host- one
        String mine = cookiePair(signIn, TOKEN);
        String otherSession = browser(http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null));
        String otherSigned = otherSession.split(";", 2)[0].substring(TOKEN.length() + 1);
        String legacy = "better-auth.session_token=" + otherSigned + "; __Secure-better-auth.session_token=" + otherSigned;
        assertThat(json(http.get("/api/auth/get-session?disableCookieCache=true", legacy + "; " + mine))
                .getJsonObject("session").getString("token")).isEqualTo(token);
        assertThat(http.get("/api/auth/get-session", legacy).body()).isEqualTo("null");
        assertThat(http.get("/protected/whoami", legacy).statusCode()).isEqualTo(401);
    }

    @Test
    void signOut_expiresTokenCacheChunksAndDontRemember_underTheirNamesAndAttributes() throws Exception { // T-19, T-20
        Http http = new Http(url, HttpClient.Version.HTTP_1_1);
        String email = "signout-" + System.nanoTime() + "@example.com";
        signUpLargeUser(http, email);
        HttpResponse<String> signIn = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\",\"rememberMe\":false}", null);
        String cookies = browser(signIn);
        String tokenPair = cookiePair(signIn, TOKEN);
        assertThat(cookies).contains(DONT_REMEMBER + "=", DATA + ".0=", DATA + ".1=");
        assertThat(json(http.get("/api/auth/get-session", cookies)).getJsonObject("user").getString("email")).isEqualTo(email);

        HttpResponse<String> signOut = http.post("/api/auth/sign-out", null, null, cookies);
        assertThat(signOut.statusCode()).isEqualTo(200);
        assertThat(signOut.body()).isEqualTo("{\"success\":true}");
        List<String> expected = new ArrayList<>();
        expected.add(TOKEN + "=; Max-Age=0" + ATTRIBUTES);
        expected.add(DATA + "=; Max-Age=0" + ATTRIBUTES);
        for (String pair : cookies.split("; ")) {
            if (pair.startsWith(DATA + ".")) {
                expected.add(pair.substring(0, pair.indexOf('=')) + "=; Max-Age=0" + ATTRIBUTES);
            }
        }
        expected.add(DONT_REMEMBER + "=; Max-Age=0" + ATTRIBUTES);
        assertThat(setCookies(signOut)).containsExactlyElementsOf(expected);
        assertThat(signOut.headers().allValues("cache-control")).containsExactly("no-store"); // T-11
        assertThat(signOut.headers().allValues("clear-site-data"))
                .containsExactly("\"cache\", \"cookies\", \"storage\""); // T-20 (option)

        // the old token is worth nothing on a store read; sensitive endpoints ignore the cache cookies (T-18): 401
        assertThat(http.get("/api/auth/get-session", tokenPair).body()).isEqualTo("null");
        assertThat(http.get("/api/auth/get-session?disableCookieCache=true", cookies).body()).isEqualTo("null");
        assertError(http.postJson("/api/auth/revoke-other-sessions", "{}", cookies), 401,
                "{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
        assertThat(http.get("/protected/whoami", tokenPair).statusCode()).isEqualTo(401);
    }
}
