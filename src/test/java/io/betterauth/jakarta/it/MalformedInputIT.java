package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.Http.setCookies;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.testing.HostileJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a hostile client can send before any session or origin check, thrown at every POST endpoint: JSON numbers
 * and nesting the JSON parser cannot hold, bodies over the size limit (declared or chunked), malformed
 * {@code Content-Type}, {@code Cookie}, {@code Origin} and {@code Referer} headers, and the same numbers and nesting
 * in a cookie cache. Each answer is Better Auth's {@code {"message","code"}} with a 4xx status, never a 500. The
 * deployment also switches the OpenAPI document off ({@code better-auth.openapi.enabled=false}): its path is unknown.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MalformedInputIT {

    static final List<String> POST_ENDPOINTS = List.of("/get-session", "/sign-up/email", "/sign-in/email",
            "/sign-out", "/revoke-session", "/revoke-sessions", "/revoke-other-sessions", "/update-session",
            "/change-password", "/update-user", "/delete-user");
    /** Better Auth's get-session has {@code disableBody}: it never reads a body, so none of these reach it. */
    static final List<String> BODY_ENDPOINTS = POST_ENDPOINTS.subList(1, POST_ENDPOINTS.size());

    static final String INVALID_JSON = "{\"message\":\"Invalid JSON in request body\",\"code\":\"BAD_REQUEST\"}";
    static final String TOO_LARGE = "{\"message\":\"Request body is too large\",\"code\":\"PAYLOAD_TOO_LARGE\"}";
    static final int LIMIT = 64 * 1024;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("malformed", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.session.cookie-cache.enabled", "true",
                "better-auth.user.delete-user.enabled", "true",
                "better-auth.openapi.enabled", "false"));
    }

    @ArquillianResource
    URL url;

    RawHttp.Response post(String endpoint, List<String> headers, String body) throws Exception {
        return new RawHttp(url).post("/api/auth" + endpoint, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    List<String> jsonHeaders(String... more) {
        List<String> headers = new ArrayList<>(List.of("Content-Type: application/json",
                "Origin: " + new RawHttp(url).origin()));
        headers.addAll(List.of(more));
        return headers;
    }

    @Test
    void unparseableNumbersAndNesting_atEveryPostEndpoint_areA400InvalidJson() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (String body : HostileJson.DOCUMENTS) {
            for (String endpoint : BODY_ENDPOINTS) {
                RawHttp.Response r = post(endpoint, jsonHeaders(), body);
                soft.assertThat(r.status()).as("%s %s", endpoint, r).isEqualTo(400);
                soft.assertThat(r.body()).as(endpoint).isEqualTo(INVALID_JSON);
                soft.assertThat(r.header("content-type")).as(endpoint).startsWith("application/json");
            }
            // not read at all; POST get-session answers as it always does (405 without deferred refresh)
            RawHttp.Response session = post("/get-session", jsonHeaders(), body);
            soft.assertThat(session.status()).as("get-session %s", session).isBetween(200, 499);
            soft.assertThat(session.status() < 400 || betterAuthError(session)).as("get-session %s", session).isTrue();
        }
        soft.assertAll();
    }

    @Test
    void oversizedBodies_declaredOrChunked_areA413_andABodyAtTheLimitIsRead() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        RawHttp raw = new RawHttp(url);
        String padded = "{\"email\":\"x\",\"pad\":\"" + "a".repeat(LIMIT) + "\"}";
        byte[] over = padded.substring(0, LIMIT + 1).getBytes(StandardCharsets.UTF_8);
        for (String endpoint : BODY_ENDPOINTS) {
            // declared too large: refused without reading (nothing is sent, so a read would time out)
            RawHttp.Response declared = raw.post("/api/auth" + endpoint, jsonHeaders("Content-Length: 1000000"),
                    new byte[0]);
            soft.assertThat(declared.status()).as("%s declared %s", endpoint, declared).isEqualTo(413);
            soft.assertThat(declared.body()).as(endpoint).isEqualTo(TOO_LARGE);
            // beyond the container's own limit (WildFly: max-post-size, 10 MB) the container may answer first
            RawHttp.Response huge = raw.post("/api/auth" + endpoint, jsonHeaders("Content-Length: 100000000"),
                    new byte[0]);
            soft.assertThat(huge.status()).as("%s declared %s", endpoint, huge).isIn(400, 413);
            // sent with Content-Length, one byte over
            RawHttp.Response sent = raw.post("/api/auth" + endpoint, jsonHeaders(), over);
            soft.assertThat(sent.status()).as("%s sent %s", endpoint, sent).isEqualTo(413);
            soft.assertThat(sent.body()).as(endpoint).isEqualTo(TOO_LARGE);
            // chunked, no Content-Length: the read stops at the limit
            RawHttp.Response chunked = raw.post("/api/auth" + endpoint, jsonHeaders("Transfer-Encoding: chunked"),
                    RawHttp.chunked(over, 4096));
            soft.assertThat(chunked.status()).as("%s chunked %s", endpoint, chunked).isEqualTo(413);
            soft.assertThat(chunked.body()).as(endpoint).isEqualTo(TOO_LARGE);
        }
        // exactly at the limit, chunked or not: read and answered by the endpoint (sign-in's answer to a bad email)
        String atLimit = "{\"email\":\"x\",\"password\":\"p\",\"pad\":\"" + "a".repeat(LIMIT) + "\"}";
        atLimit = atLimit.substring(0, LIMIT - 2) + "\"}";
        byte[] exact = atLimit.getBytes(StandardCharsets.UTF_8);
        assertThat(exact).hasSize(LIMIT);
        for (RawHttp.Response r : List.of(raw.post("/api/auth/sign-in/email", jsonHeaders(), exact),
                raw.post("/api/auth/sign-in/email", jsonHeaders("Transfer-Encoding: chunked"),
                        RawHttp.chunked(exact, 1000)))) {
            soft.assertThat(r.status()).as("at the limit %s", r).isEqualTo(400);
            soft.assertThat(r.body()).isEqualTo("{\"message\":\"Invalid email\",\"code\":\"INVALID_EMAIL\"}");
        }
        soft.assertAll();
    }

    @Test
    void malformedHeaders_atEveryPostEndpoint_areAnsweredInBetterAuthsShape_neverA500() throws Exception {
        String origin = new RawHttp(url).origin();
        String cookie = "Cookie: better-auth.session_token=AbC.def";
        // header lines → the status every body-reading endpoint answers (0: the endpoint's usual answer)
        Map<List<String>, Integer> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("Content-Type: ;", "Origin: " + origin), 415);
        cases.put(List.of("Content-Type:", "Origin: " + origin), 415);
        cases.put(List.of("Content-Type: /", "Origin: " + origin), 415);
        cases.put(List.of("Content-Type: application/", "Origin: " + origin), 415);
        cases.put(List.of("Content-Type: ;;;=;charset", "Origin: " + origin), 415);
        cases.put(List.of("Content-Type: application/json/x", "Origin: " + origin), 415);
        cases.put(List.of("Content-Type: application/" + "x".repeat(4000), "Origin: " + origin), 415);
        cases.put(List.of("Content-Type: application/js\u00f6n", "Origin: " + origin), 415);
        cases.put(List.of("Content-Type: text/plain", "Content-Type: application/json", "Origin: " + origin), 415);
        cases.put(List.of("Content-Type: application/json; charset=bogus", "Origin: " + origin), 0);
        cases.put(List.of("Content-Type: application/json; charset=\"", "Origin: " + origin), 0);
        cases.put(List.of("Content-Type: application/json;;; q", "Origin: " + origin), 0);
        cases.put(List.of("Content-Type: application/json", "Origin: " + origin, "Cookie: a=b",
                "Cookie: =;;; better-auth.session_token=%zz; \u00e9=\u00e9"), 0);
        cases.put(List.of("Content-Type: application/json", "Origin: " + origin, "Accept: application/json;;; q"), 0);
        cases.put(List.of("Content-Type: application/json", "Origin: " + origin, "Accept: application/json;q=x"), 0);
        cases.put(List.of("Content-Type: application/json", "Origin: " + origin, "Accept: ;"), 0);
        cases.put(List.of("Content-Type: application/json", "Origin: " + origin, "Accept: text/html"), 0);
        cases.put(List.of("Content-Type: application/json", "Origin: http://[", cookie), 403);
        cases.put(List.of("Content-Type: application/json", "Origin: null", cookie), 403);
        cases.put(List.of("Content-Type: application/json", "Referer: http://[", cookie), 403);
        cases.put(List.of("Content-Type: application/json", "Origin: http://ex\u00e4mple.com", cookie), 403);
        cases.put(List.of("Content-Type: application/json", "Origin: " + origin, "Origin: http://[", cookie), 0);
        cases.put(List.of("Content-Type: application/json", "Origin: " + "h".repeat(4000), cookie), 403);

        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<List<String>, Integer> c : cases.entrySet()) {
            // Headers the container answers itself at any path never reach the library (WildFly: a cookie byte
            // outside ASCII is a 500 from Undertow's cookie parser in Weld's request listener).
            RawHttp.Response control = new RawHttp(url).post("/no-such-servlet", c.getKey(),
                    "{}".getBytes(StandardCharsets.UTF_8));
            if (control.status() == 400 || control.status() >= 500) {
                System.out.println("MalformedInputIT: the container itself answers " + control.status() + " to "
                        + c.getKey());
                for (String endpoint : POST_ENDPOINTS) {
                    soft.assertThat(post(endpoint, c.getKey(), "{}").status()).as(endpoint).isEqualTo(control.status());
                }
                continue;
            }
            for (String endpoint : POST_ENDPOINTS) {
                RawHttp.Response r = post(endpoint, c.getKey(), "{}");
                String what = endpoint + " " + c.getKey().stream()
                        .map(h -> h.length() > 80 ? h.substring(0, 80) + "…" : h).toList();
                soft.assertThat(r.status()).as("%s: %s", what, r).isBetween(200, 499);
                if (r.status() >= 400) {
                    soft.assertThat(betterAuthError(r)).as("%s: %s", what, r).isTrue();
                }
                boolean readsBody = !endpoint.equals("/get-session");
                int expected = c.getValue();
                if (expected == 403 || (expected == 415 && readsBody)) {
                    soft.assertThat(r.status()).as("%s: %s", what, r).isEqualTo(expected);
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void unparseableNumbersAndNesting_inTheCookieCache_areAPlainMiss() throws Exception {
        Http http = new Http(url, HttpClient.Version.HTTP_1_1);
        String email = "malformed-" + System.nanoTime() + "@example.com";
        HttpResponse<String> signUp = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"M\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(signUp.statusCode()).isEqualTo(200);
        String token = cookiePair(signUp, "better-auth.session_token");
        List<String> payloads = List.of(
                "{\"session\":{\"updatedAt\":1e9999999999},\"expiresAt\":1,\"signature\":\"x\"}",
                "{\"session\":{},\"expiresAt\":" + "9".repeat(1101) + ",\"signature\":\"x\"}",
                "{\"session\":" + "[".repeat(1500) + "]".repeat(1500) + ",\"expiresAt\":1,\"signature\":\"x\"}",
                "{\"session\":" + "{\"a\":".repeat(300) + "1" + "}".repeat(300) + ",\"expiresAt\":1}");
        SoftAssertions soft = new SoftAssertions();
        for (String payload : payloads) {
            String data = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.get("/api/auth/get-session", token + "; better-auth.session_data=" + data);
            soft.assertThat(r.statusCode()).as(payload.substring(0, 40)).isEqualTo(200);
            soft.assertThat(json(r).getJsonObject("user").getString("email")).isEqualTo(email);
            // a miss: the store answered, the bad cache is replaced
            soft.assertThat(setCookies(r)).anyMatch(l -> l.startsWith("better-auth.session_data=ey"));
        }
        soft.assertAll();
    }

    /** {@code {"message": string, "code": string}} and a JSON content type. */
    static boolean betterAuthError(RawHttp.Response r) {
        String type = r.header("content-type");
        if (type == null || !type.startsWith("application/json")) {
            return false;
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            JsonValue v = reader.readValue();
            if (!(v instanceof JsonObject o)) {
                return false;
            }
            return o.get("message") instanceof JsonString m && !m.getString().isEmpty()
                    && o.get("code") instanceof JsonString;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void withTheOpenApiDocumentSwitchedOff_itsPathIsUnknown() throws Exception {
        HttpResponse<String> r = new Http(url).get("/api/auth/openapi.json", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEmpty();
    }
}
