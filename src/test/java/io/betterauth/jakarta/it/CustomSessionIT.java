package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.SessionLifecycleIT.assertError;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.it.app.AuthEventRecorder;
import io.betterauth.jakarta.it.app.CountingGroups;
import io.betterauth.jakarta.it.app.OrgSessionCustomizer;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Custom session data in a container: a declared {@code activeOrganizationId} set through update-session and seen
 * in get-session (through the app's {@code SessionCustomizer}) and the cookie cache; a {@code returned:false} field
 * that never leaves the server; CDI observers seeing create/revoke and vetoing a sign-in with their own error.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomSessionIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("custom", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.session.cookie-cache.enabled", "true",
                "better-auth.sessions-page.enabled", "false",
                "better-auth.session.additional-fields", "{&quot;activeOrganizationId&quot;:{&quot;type&quot;:&quot;string&quot;},"
                        + "&quot;riskScore&quot;:{&quot;type&quot;:&quot;number&quot;,&quot;input&quot;:false,"
                        + "&quot;returned&quot;:false,&quot;defaultValue&quot;:3}}"))
                .addClasses(OrgSessionCustomizer.class, AuthEventRecorder.class, CountingGroups.class);
    }

    @ArquillianResource
    URL url;

    static String decodeCompact(String setCookiePair) {
        String value = setCookiePair.substring(setCookiePair.indexOf('=') + 1);
        return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
    }

    @Test
    void additionalField_customResponse_events_andVeto() throws Exception {
        Http http = new Http(url);
        String email = "custom-" + System.nanoTime() + "@example.com";
        HttpResponse<String> signUp = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"C\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        String token = cookiePair(signUp, "better-auth.session_token");
        String userId = json(signUp).getJsonObject("user").getString("id");

        HttpResponse<String> updated = http.postJson("/api/auth/update-session", "{\"activeOrganizationId\":\"org-1\"}", token);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).getJsonObject("session").getString("activeOrganizationId")).isEqualTo("org-1");
        assertThat(updated.body()).doesNotContain("riskScore");
        String cache = cookiePair(updated, "better-auth.session_data");
        assertThat(decodeCompact(cache)).contains("\"activeOrganizationId\":\"org-1\"").doesNotContain("riskScore");

        HttpResponse<String> session = http.get("/api/auth/get-session", token + "; " + cache);
        assertThat(json(session).getString("organization")).isEqualTo("Org org-1");
        // a record in the customizer's answer: JSON-B's members (lexicographic), Instants as toISOString()
        String createdAt = json(session).getJsonObject("session").getString("createdAt");
        assertThat(session.body()).endsWith(",\"organization\":\"Org org-1\",\"membership\":{\"organization\":"
                + "\"Org org-1\",\"roles\":[\"member\"],\"since\":\"" + createdAt + "\"}}");
        assertThat(createdAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        // a record as each list-sessions entry
        HttpResponse<String> devices = http.get("/api/auth/list-sessions", token);
        assertThat(devices.statusCode()).as(devices.body()).isEqualTo(200);
        String sessionId = json(session).getJsonObject("session").getString("id");
        assertThat(devices.body()).startsWith("[{\"expiresAt\":\"").contains(",\"id\":\"" + sessionId + "\"")
                .doesNotContain("\"token\"");
        // the sessions page is off in this application (better-auth.sessions-page.enabled=false)
        assertThat(http.get("/better-auth/sessions", token).statusCode()).isEqualTo(404);
        assertThat(json(session).getJsonObject("user").getString("email")).isEqualTo(email);
        assertThat(session.body()).doesNotContain("riskScore");
        assertThat(json(http.get("/api/auth/get-session?disableCookieCache=true", token)).getString("organization"))
                .isEqualTo("Org org-1");

        assertError(http.postJson("/api/auth/update-session", "{\"unknownField\":1}", token), 400, "{\"message\":\"No fields to update\"}");
        assertError(http.postJson("/api/auth/update-session", "{\"riskScore\":0.5}", token), 400,
                "{\"message\":\"riskScore is not allowed to be set\",\"code\":\"FIELD_NOT_ALLOWED\"}");
        assertError(http.postJson("/api/auth/update-session", "{\"activeOrganizationId\":5}", token), 400,
                "{\"message\":\"[body.activeOrganizationId] Invalid input: expected string, received number\",\"code\":\"VALIDATION_ERROR\"}");
        assertThat(json(http.get("/api/auth/get-session?disableCookieCache=true", token)).getString("organization"))
                .isEqualTo("Org org-1"); // the rejected updates changed nothing

        HttpResponse<String> blocked = http.post("/api/auth/sign-in/email", "application/json",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null, http.origin(), Map.of("User-Agent", "Blocked-Agent"));
        assertError(blocked, 403, "{\"message\":\"Sign-in from this device is blocked by policy\",\"code\":\"SIGN_IN_BLOCKED\"}");

        // custom-session.test.ts: a refresh under the customizer still sends each cookie as its own Set-Cookie line,
        // each with its own Max-Age, without double encoding; the disableRefresh query is accepted
        assertThat(http.post("/test/age-session?token=" + token.substring(token.indexOf('=') + 1, token.indexOf('.', token.indexOf('=')))
                + "&seconds=86401", null, null, null).body()).isEqualTo("1");
        HttpResponse<String> noRefresh = http.get("/api/auth/get-session?disableRefresh=true", token);
        assertThat(json(noRefresh).getString("organization")).isEqualTo("Org org-1");
        assertThat(Http.setCookies(noRefresh)).noneMatch(l -> l.startsWith("better-auth.session_token="));
        HttpResponse<String> refreshed = http.get("/api/auth/get-session", token);
        assertThat(json(refreshed).getString("organization")).isEqualTo("Org org-1");
        assertThat(Http.setCookies(refreshed)).hasSize(2).noneMatch(l -> l.contains("%25"));
        assertThat(Http.setCookies(refreshed).get(0)).startsWith(token + ";").contains("; Max-Age=604800;");
        assertThat(Http.setCookies(refreshed).get(1)).startsWith("better-auth.session_data=").contains("; Max-Age=300;");

        // the app's @Dependent CallerGroups is asked on each authenticated request and released after it
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/test-events", token).statusCode()).isEqualTo(200);
        }
        http.postJson("/api/auth/sign-out", "{}", token);
        String events = http.get("/api/test-events", null).body();
        assertThat(events).contains("USER_CREATED:" + userId, "CREATED:sign-up:" + userId, "UPDATED:update-session:" + userId,
                "REFRESHED:refresh:" + userId, "REVOKED:sign-out:" + userId);
        assertThat(events).doesNotContain(token.substring(token.indexOf('=') + 1, token.indexOf('.', token.indexOf('='))));
        // the @Dependent customizer was created for each customised answer and released after it, none kept alive
        assertThat(events).containsPattern("CUSTOMIZERS_ALIVE:0 of ([4-9]|\\d\\d+)\n");
        assertThat(events).containsPattern("GROUPS_ALIVE:0 of ([3-9]|\\d\\d+)$");
    }

    /**
     * What an application gets without choosing (email and password off, as in Better Auth; no sessions page), and
     * sign-up closed with sign-in open. Two more WARs, so a Payara Micro of its own (tagged payara-only).
     */
    @Test
    @Tag("payara-only")
    void theDefaults_leaveEmailAndPasswordAndTheSessionsPageOff_andDisableSignUpClosesOnlySignUp() throws Exception {
        Map<String, String> defaults = new HashMap<>(Map.of("better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.email-and-password.enabled", Deployments.UNSET,
                "better-auth.sessions-page.enabled", Deployments.UNSET));
        Map<String, String> closed = new HashMap<>(Map.of("better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.email-and-password.disable-sign-up", "true"));
        WebArchive base = Deployments.war("defaults", defaults);
        try (PayaraMicroProcess server = PayaraMicroProcess.named("custom-defaults")
                .deploy("/defaults", base)
                .deploy("/closed", Deployments.reconfigured(base, "closed", closed))
                .start()) {
            server.awaitReady(Duration.ofSeconds(180));
            String signUp = "{\"name\":\"D\",\"email\":\"d-" + System.nanoTime()
                    + "@example.com\",\"password\":\"test123456\"}";
            String signIn = "{\"email\":\"nobody@example.com\",\"password\":\"test123456\"}";
            String signUpDisabled = "{\"message\":\"Email and password sign up is not enabled\","
                    + "\"code\":\"EMAIL_PASSWORD_SIGN_UP_DISABLED\"}";

            Http off = new Http(new URL(server.url("/defaults") + "/"));
            assertError(off.postJson("/api/auth/sign-up/email", signUp, null), 400, signUpDisabled);
            assertError(off.postJson("/api/auth/sign-in/email", signIn, null), 400,
                    "{\"message\":\"Email and password is not enabled\",\"code\":\"EMAIL_PASSWORD_DISABLED\"}");
            assertThat(off.get("/better-auth/sessions", null).statusCode()).isEqualTo(404);

            Http inviteOnly = new Http(new URL(server.url("/closed") + "/"));
            assertError(inviteOnly.postJson("/api/auth/sign-up/email", signUp, null), 400, signUpDisabled);
            assertError(inviteOnly.postJson("/api/auth/sign-in/email", signIn, null), 401,
                    "{\"message\":\"Invalid email or password\",\"code\":\"INVALID_EMAIL_OR_PASSWORD\"}");
            assertThat(inviteOnly.get("/better-auth/sessions", null).statusCode()).isEqualTo(200);
        }
    }
}
