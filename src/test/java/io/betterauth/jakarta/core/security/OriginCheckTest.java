package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.session.SessionManagerTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ported from Better Auth's origin-check.test.ts (spec §7.3). */
class OriginCheckTest {

    final OriginCheck check = new OriginCheck(BetterAuthConfig.builder().secret(SessionManagerTest.SECRET)
            .baseUrl("http://localhost:3000").trustedOrigins(List.of("https://trusted.example", "*.my-site.com",
                    "https://*.preview.example", "myapp://")).build());

    static OriginCheck.Request post(boolean cookies, String... headers) {
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return new OriginCheck.Request("POST", cookies, name -> h.get(name.toLowerCase()), "http://localhost:3000");
    }

    static void rejected(Runnable r, String code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(AuthException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
            org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(403);
        });
    }

    @Test
    void cookieBearingPostWithoutOrigin_isMissingOrNullOrigin() {
        rejected(() -> check.check(post(true)), "MISSING_OR_NULL_ORIGIN");
        rejected(() -> check.check(post(true, "origin", "null")), "MISSING_OR_NULL_ORIGIN");
    }

    @Test
    void crossSiteStateChangingRequests_needATrustedOrigin() { // T-39
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            java.util.function.Function<String[], OriginCheck.Request> request = headers -> {
                Map<String, String> h = new HashMap<>();
                for (int i = 0; i < headers.length; i += 2) {
                    h.put(headers[i], headers[i + 1]);
                }
                return new OriginCheck.Request(method, true, name -> h.get(name.toLowerCase()), "http://localhost:3000");
            };
            rejected(() -> check.check(request.apply(new String[] {"sec-fetch-site", "cross-site"})), "MISSING_OR_NULL_ORIGIN");
            rejected(() -> check.check(request.apply(new String[] {"sec-fetch-site", "cross-site", "origin", "null"})),
                    "MISSING_OR_NULL_ORIGIN");
            rejected(() -> check.check(request.apply(new String[] {"sec-fetch-site", "cross-site", "origin",
                    "https://evil.example"})), "INVALID_ORIGIN");
            // a front end on another site that the deployment lists in trusted-origins is cross-site too, and passes
            assertThatCode(() -> check.check(request.apply(new String[] {"sec-fetch-site", "cross-site", "origin",
                    "https://trusted.example"}))).doesNotThrowAnyException();
        }
    }

    @Test
    void untrustedOrigin_isInvalidOrigin() {
        rejected(() -> check.check(post(true, "origin", "http://evil.com")), "INVALID_ORIGIN");
        rejected(() -> check.check(post(true, "origin", "http://localhost:3001")), "INVALID_ORIGIN");
        rejected(() -> check.check(post(true, "referer", "http://evil.com/page")), "INVALID_ORIGIN");
    }

    @Test
    void baseUrlTrustedAndWildcardOrigins_pass() {
        for (String origin : new String[] {"http://localhost:3000", "https://trusted.example", "https://app.my-site.com",
                "https://pr-12.preview.example"}) {
            assertThatCode(() -> check.check(post(true, "origin", origin))).as(origin).doesNotThrowAnyException();
        }
        assertThatCode(() -> check.check(post(true, "referer", "http://localhost:3000/some/page"))).doesNotThrowAnyException();
    }

    @Test
    void requestsWithoutCookies_andSafeMethods_areNotChecked() {
        assertThatCode(() -> check.check(post(false, "origin", "http://evil.com"))).doesNotThrowAnyException();
        assertThatCode(() -> check.check(new OriginCheck.Request("GET", true, h -> null, "http://localhost:3000")))
                .doesNotThrowAnyException();
    }

    @Test
    void originNullWithSameOriginFetchMetadata_isInferredFromTheRequest() {
        assertThatCode(() -> check.check(post(true, "origin", "null", "sec-fetch-site", "same-origin")))
                .doesNotThrowAnyException();
    }

    @Test
    void signIn_blocksCrossSiteNavigation_andChecksOriginsWithoutCookies() {
        rejected(() -> check.checkSignIn(post(false, "sec-fetch-site", "cross-site", "sec-fetch-mode", "navigate")),
                "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED");
        rejected(() -> check.checkSignIn(post(false, "origin", "http://evil.com")), "INVALID_ORIGIN");
        assertThatCode(() -> check.checkSignIn(post(false, "sec-fetch-site", "same-origin", "sec-fetch-mode", "navigate",
                "origin", "http://localhost:3000"))).doesNotThrowAnyException();
        assertThatCode(() -> check.checkSignIn(post(false, "sec-fetch-site", "cross-site", "sec-fetch-mode", "cors",
                "origin", "https://trusted.example"))).doesNotThrowAnyException();
        // a non-browser client: no cookies, no metadata, no origin
        assertThatCode(() -> check.checkSignIn(post(false))).doesNotThrowAnyException();
    }

    @Test
    void callbackUrls_mustBeTrustedOrSafeRelativePaths() {
        OriginCheck.Request r = post(false);
        assertThatCode(() -> check.checkCallbackUrl("/dashboard?tab=1", r)).doesNotThrowAnyException();
        assertThatCode(() -> check.checkCallbackUrl("https://trusted.example/welcome", r)).doesNotThrowAnyException();
        assertThatCode(() -> check.checkCallbackUrl("myapp://callback", r)).doesNotThrowAnyException();
        for (String bad : new String[] {"//evil.com", "/\\evil.com", "/%2f%2fevil.com", "https://evil.com/x", "javascript:alert(1)"}) {
            rejected(() -> check.checkCallbackUrl(bad, r), "INVALID_CALLBACK_URL");
        }
    }

    @Test
    void aHundredKilobyteOrigin_againstSeveralWildcards_isRefused() {
        // Compiled to regular expressions with ".*" for every star, these patterns backtracked polynomially in the
        // Origin's length (a request never finished); matched segment-wise they read each character once.
        OriginCheck wildcards = new OriginCheck(BetterAuthConfig.builder().secret(SessionManagerTest.SECRET)
                .baseUrl("http://localhost:3000").trustedOrigins(List.of("https://*.*.*.*.*.*.example.com",
                        "*-*-*-*-*-*.example.com", "https://*a*a*a*a*a*a*b.example.com", "myapp://*/**/**/**/x",
                        "192.168.*.*")).build());
        String dots = "https://" + "a.".repeat(50_000) + "example.co";
        String dashes = "https://" + "a-".repeat(50_000) + "a.example.org";
        String as = "https://" + "a".repeat(100_000) + ".example.com";
        for (String origin : new String[] {dots, dashes, as}) {
            rejected(() -> wildcards.check(post(true, "origin", origin)), "INVALID_ORIGIN");
        }
        OriginCheck.Request r = post(false);
        rejected(() -> wildcards.checkCallbackUrl("myapp://h/" + "a/".repeat(50_000) + "y", r), "INVALID_CALLBACK_URL");
        // and still as Better Auth where it matches
        assertThatCode(() -> wildcards.check(post(true, "origin", "https://" + "a.".repeat(50_000) + "example.com")))
                .doesNotThrowAnyException();
        assertThatCode(() -> wildcards.checkCallbackUrl("myapp://h/" + "a/".repeat(50_000) + "x", r))
                .doesNotThrowAnyException();
    }

    @Test
    void trustedOriginPatterns_answerAsBetterAuth_onEveryRecordedCase() throws Exception {
        // src/test/node/origin-pattern-vectors.mjs: Better Auth 1.7.25's matchesOriginPattern, pattern x URL.
        JsonObject vectors;
        try (InputStream in = OriginCheckTest.class.getResourceAsStream("/vectors/origin-patterns-better-auth-1.7.25.json");
             JsonReader reader = Json.createReader(in)) {
            vectors = reader.readObject();
        }
        Map<String, OriginCheck> checks = new HashMap<>();
        List<String> differences = new ArrayList<>();
        for (JsonValue v : vectors.getJsonArray("cases")) {
            JsonObject c = v.asJsonObject();
            String pattern = c.getString("pattern");
            String url = c.getString("url");
            OriginCheck only = checks.computeIfAbsent(pattern, p -> new OriginCheck(BetterAuthConfig.builder()
                    .secret(SessionManagerTest.SECRET).baseUrl("https://base.invalid").trustedOrigins(List.of(p)).build()));
            boolean ours = only.isTrusted(url, new OriginCheck.Request("POST", true, h -> null, "https://base.invalid"));
            if (ours != c.getBoolean("trusted")) {
                differences.add(pattern + " vs " + url + ": Better Auth " + c.getBoolean("trusted") + ", ours " + ours);
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void disableCsrfCheck_switchesEverythingOff() {
        OriginCheck off = new OriginCheck(BetterAuthConfig.builder().secret(SessionManagerTest.SECRET)
                .baseUrl("http://localhost:3000").disableCsrfCheck(true).build());
        assertThatCode(() -> off.check(post(true, "origin", "http://evil.com"))).doesNotThrowAnyException();
        assertThatCode(() -> off.checkSignIn(post(false, "sec-fetch-site", "cross-site", "sec-fetch-mode", "navigate")))
                .doesNotThrowAnyException();
    }
}
