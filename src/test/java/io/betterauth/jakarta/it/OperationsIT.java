package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.it.app.OperationsBeansServlet;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Health and metrics as each container gives them, on one application with a database and Redis: Payara Micro
 * (MicroProfile Health and Metrics: {@code /health} lists the three checks UP, {@code /metrics} the counters that
 * sign-up, sign-in, a failed sign-in, a cached get-session and sign-out moved), WildFly (MicroProfile Health and
 * Micrometer with its Prometheus registry, added by {@code src/test/wildfly/configure.cli}, on the management port)
 * and
 * Tomcat (none of these APIs: nothing registered, the library works as ever).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

    static final String CONTAINER = System.getProperty("arquillian.launch", "payara-micro");
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("operations", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.secondary-storage.redis-url", "redis://127.0.0.1:6379/12",
                "better-auth.session.store-session-in-database", "true",
                "better-auth.session.cookie-cache.enabled", "true"))
                .addClass(OperationsBeansServlet.class);
    }

    @ArquillianResource
    URL url;

    static HttpResponse<String> get(URI uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Where the container serves MicroProfile Health: WildFly on its management port, Payara on the HTTP port. */
    URI health() {
        return URI.create(url.getProtocol() + "://" + url.getHost() + ":"
                + ("wildfly".equals(CONTAINER) ? 9990 : url.getPort()) + "/health");
    }

    List<String> libraryBeans(Http http) throws Exception {
        String body = http.get("/test/operations-beans", null).body();
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\n"));
    }

    static Map<String, JsonObject> checks(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            Map<String, JsonObject> byName = new TreeMap<>();
            for (JsonValue check : reader.readObject().getJsonArray("checks")) {
                byName.put(check.asJsonObject().getString("name"), check.asJsonObject());
            }
            return byName;
        }
    }

    /** The counter's value summed over its series in Prometheus text ({@code name_total{tags} value}). */
    static double counter(String metrics, String name) {
        return counter(metrics, name, true);
    }

    static double counter(String metrics, String name, boolean required) {
        Matcher m = Pattern.compile("(?m)^" + name + "_total(?:\\{[^}]*\\})? ([0-9.eE+-]+)").matcher(metrics);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            found = true;
        }
        assertThat(found || !required).as(name + "_total in " + metrics.lines()
                .filter(l -> l.contains("better_auth")).toList()).isTrue();
        return sum;
    }

    @Test
    void theContainersHealthAndMetrics_showTheLibrarysChecksAndCounters_whereTheContainerHasThem() throws Exception {
        Http http = new Http(url);
        List<String> beans = libraryBeans(http);
        HttpResponse<String> health = get(health());
        switch (CONTAINER) {
            case "tomcat" -> {
                assertThat(beans).as("nothing of health or metrics on Tomcat").isEmpty();
                assertThat(health.statusCode()).isEqualTo(404);
            }
            case "wildfly" -> {
                assertThat(beans).containsExactlyInAnyOrder("health.DatabaseHealthCheck", "health.ProbeRunner",
                        "health.RedisHealthCheck", "health.RuntimeHealthCheck",
                        "metrics.micrometer.MicrometerAuthMetricsBean");
                assertThatTheChecksAreUp(health);
            }
            default -> {
                assertThat(beans).containsExactlyInAnyOrder("health.DatabaseHealthCheck", "health.ProbeRunner",
                        "health.RedisHealthCheck", "health.RuntimeHealthCheck", "metrics.mp.MicroProfileAuthMetrics");
                assertThatTheChecksAreUp(health);
            }
        }

        // Payara: MicroProfile Metrics; WildFly: Micrometer's Prometheus registry on the management port
        URI metricsUri = "wildfly".equals(CONTAINER)
                ? URI.create(url.getProtocol() + "://" + url.getHost() + ":9990/prometheus")
                : URI.create(http.origin() + "/metrics?scope=application");
        String before = "tomcat".equals(CONTAINER) ? "" : get(metricsUri).body();
        // the library works the same everywhere: sign-up, a cached get-session, a failed sign-in, sign-in, sign-out
        String email = "ops-" + System.nanoTime() + "@example.com";
        HttpResponse<String> signUp = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"Ops\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        String cookie = cookiePair(signUp, "better-auth.session_token");
        assertThat(http.get("/api/auth/get-session", cookie).statusCode()).isEqualTo(200); // no cache cookie: a miss
        assertThat(http.get("/api/auth/get-session", cookie + "; " + cookiePair(signUp, "better-auth.session_data"))
                .statusCode()).isEqualTo(200); // answered from the cache cookie: a hit
        assertThat(http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}", null).statusCode()).isEqualTo(401);
        HttpResponse<String> signIn = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(signIn.statusCode()).isEqualTo(200);
        String second = cookiePair(signIn, "better-auth.session_token");
        assertThat(http.postJson("/api/auth/sign-out", "{}", second).statusCode()).isEqualTo(200);

        if (!"tomcat".equals(CONTAINER)) {
            String after = get(metricsUri).body();
            // MicroProfile Metrics registers the counters at start (0 before anything happened); Micrometer's
            // bean starts with the first event, so there an absent counter counts as 0
            boolean strict = "payara-micro".equals(CONTAINER);
            assertThat(counter(after, "better_auth_session_creations") - counter(before, "better_auth_session_creations", strict))
                    .isEqualTo(2);
            assertThat(counter(after, "better_auth_sign_in_failures") - counter(before, "better_auth_sign_in_failures", strict))
                    .isEqualTo(1);
            assertThat(counter(after, "better_auth_session_revocations") - counter(before, "better_auth_session_revocations", strict))
                    .isEqualTo(1);
            assertThat(counter(after, "better_auth_cookie_cache_hits")
                    - counter(before, "better_auth_cookie_cache_hits", strict)).isGreaterThanOrEqualTo(1);
            assertThat(counter(after, "better_auth_cookie_cache_misses")
                    - counter(before, "better_auth_cookie_cache_misses", strict)).isGreaterThanOrEqualTo(1);
            assertThat(after).doesNotContain(email);
        }
    }

    /** The check's {@code configured} datum; Payara writes booleans as strings, WildFly as JSON booleans. */
    private static String configured(JsonObject check) {
        return check.getJsonObject("data").get("configured").toString().replace("\"", "");
    }

    private static void assertThatTheChecksAreUp(HttpResponse<String> health) {
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        Map<String, JsonObject> checks = checks(health.body());
        assertThat(checks.get("better-auth").getString("status")).isEqualTo("UP");
        assertThat(checks.get("better-auth-database").getString("status")).isEqualTo("UP");
        assertThat(configured(checks.get("better-auth-database"))).isEqualTo("true");
        assertThat(checks.get("better-auth-redis").getString("status")).isEqualTo("UP");
        assertThat(configured(checks.get("better-auth-redis"))).isEqualTo("true");
        assertThat(health.body()).doesNotContain("redis://").doesNotContain("jdbc:");
    }
}
