package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.store.redis.RedisTopologies;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

/**
 * An application whose secondary storage is the three-master Redis Cluster on loopback, configured by URL alone
 * ({@code redis-cluster://127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003}): sign-up and sign-in on two devices,
 * get-session, revoke one session and then all, with Better Auth's keys read back through a plain Cluster client
 * (each on the node its slot names). Fails under CI when the Cluster is not running.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("rediscluster", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.secondary-storage.redis-url", RedisTopologies.CLUSTER_URL));
    }

    @ArquillianResource
    URL url;

    private UnifiedJedis cluster;
    private String userId;

    @BeforeAll
    void connect() {
        RedisTopologies.requireCluster();
        cluster = RedisTopologies.plainClient(RedisTopologies.CLUSTER_URL);
    }

    @AfterAll
    void cleanUp() {
        if (cluster != null) {
            if (userId != null) {
                cluster.del("revoked-sessions-before-" + userId);
                cluster.del("active-sessions-" + userId);
            }
            cluster.close();
        }
    }

    static String token(String cookie) {
        int eq = cookie.indexOf('=');
        return cookie.substring(eq + 1, cookie.indexOf('.', eq));
    }

    @Test
    void signIn_getSession_revoke_onACluster() throws Exception {
        Http http = new Http(url);
        String email = "cluster-" + System.nanoTime() + "@example.com";
        String one = cookiePair(http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"C\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null),
                "better-auth.session_token");
        String two = cookiePair(http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null), "better-auth.session_token");

        JsonObject session = json(http.get("/api/auth/get-session", one));
        userId = session.getJsonObject("user").getString("id");
        assertThat(session.getJsonObject("session").getString("token")).isEqualTo(token(one));
        assertThat(json(http.get("/api/auth/get-session", two)).getJsonObject("session").getString("token"))
                .isEqualTo(token(two));

        // Better Auth's keys, unchanged (no hash tags), each on its own slot's node
        JsonObject stored = Json.createReader(new StringReader(cluster.get(token(one)))).readObject();
        assertThat(stored.getJsonObject("user").getString("email")).isEqualTo(email);
        assertThat(cluster.get("active-sessions-" + userId)).contains(token(one)).contains(token(two));

        assertThat(http.postJson("/api/auth/revoke-session", "{\"token\":\"" + token(two) + "\"}", one).body())
                .isEqualTo("{\"status\":true}");
        assertThat(http.get("/api/auth/get-session", two).body()).isEqualTo("null");
        assertThat(cluster.exists(token(two))).isFalse();
        assertThat(cluster.get("active-sessions-" + userId)).doesNotContain(token(two)).contains(token(one));

        assertThat(http.postJson("/api/auth/revoke-sessions", "{}", one).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/auth/get-session", one).body()).isEqualTo("null");
        assertThat(cluster.exists(token(one))).isFalse();
        assertThat(cluster.exists("active-sessions-" + userId)).isFalse();
    }
}
