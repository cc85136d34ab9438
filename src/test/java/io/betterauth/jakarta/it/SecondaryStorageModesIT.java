package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.Http.setCookies;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * One scenario run in each storage mode (subclasses): sign-in on two devices, get-session, list, revoke one,
 * revoke all, sign-out — with the Redis keys read back by a plain client and the session rows counted, so Better
 * Auth's key layout and each mode's database behaviour are checked, not just the HTTP answers.
 */
@RunAsClient
abstract class SecondaryStorageModesIT {

    static final String REDIS = "redis://127.0.0.1:6379/14";

    static WebArchive war(String name, Map<String, String> mode) {
        Map<String, String> config = new HashMap<>(mode);
        config.put("better-auth.secret", Deployments.SECRET);
        config.put("better-auth.url", "http://localhost:8080");
        config.put("better-auth.secondary-storage.redis-url", REDIS);
        return Deployments.war(name, config);
    }

    /** Expected session rows after each step: (rows, live). */
    abstract int[] rowsAfterSignIn();

    abstract int[] rowsAfterRevokeOne();

    abstract int[] rowsAfterRevokeAll();

    @ArquillianResource
    URL url;

    private final RedisClient redis = RedisClient.create("redis://127.0.0.1:6379/14");
    private String userId;

    @AfterEach
    void cleanUp() {
        if (userId != null) {
            redis.keys("*" + userId + "*").forEach(redis::del);
        }
        redis.close();
    }

    int[] rows(Http http) throws Exception {
        JsonObject o = json(http.get("/test/age-session?userId=" + userId, null));
        return new int[] {o.getInt("rows"), o.getInt("live")};
    }

    static String token(String cookie) {
        int eq = cookie.indexOf('=');
        return cookie.substring(eq + 1, cookie.indexOf('.', eq));
    }

    @Test
    void signIn_list_revoke_revokeAll_signOut_withRedisAndDatabaseContentsChecked() throws Exception {
        Http http = new Http(url);
        String email = "kv-" + System.nanoTime() + "@example.com";
        String one = cookiePair(http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"K\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null), "better-auth.session_token");
        String two = cookiePair(http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null), "better-auth.session_token");
        JsonObject session = json(http.get("/api/auth/get-session", one));
        userId = session.getJsonObject("user").getString("id");

        // Better Auth's layout: {session, user} under the raw token, the per-user list, TTLs >= 1 s
        JsonObject stored = Json.createReader(new StringReader(redis.get(token(one)))).readObject();
        assertThat(stored.getJsonObject("session").getString("token")).isEqualTo(token(one));
        assertThat(stored.getJsonObject("user").getString("email")).isEqualTo(email);
        assertThat(redis.ttl(token(one))).isBetween(604_000L, 604_800L);
        JsonArray list = Json.createReader(new StringReader(redis.get("active-sessions-" + userId))).readArray();
        assertThat(list.getValuesAs(JsonObject.class)).extracting(o -> o.getString("token"))
                .containsExactlyInAnyOrder(token(one), token(two));
        assertThat(redis.ttl("active-sessions-" + userId)).isGreaterThan(604_000L);
        assertThat(rows(http)).containsExactly(rowsAfterSignIn());

        assertThat(json(http.get("/api/auth/get-session", two)).getJsonObject("session").getString("token")).isEqualTo(token(two));
        HttpResponse<String> listed = http.get("/api/auth/list-sessions", one);
        assertThat(Json.createReader(new StringReader(listed.body())).readArray()).hasSize(2);

        // revoke one: its key goes, the list is pruned (better-auth#3819)
        assertThat(http.postJson("/api/auth/revoke-session", "{\"token\":\"" + token(two) + "\"}", one).body()).isEqualTo("{\"status\":true}");
        assertThat(redis.exists(token(two))).isFalse();
        assertThat(redis.get("active-sessions-" + userId)).doesNotContain(token(two)).contains(token(one));
        assertThat(http.get("/api/auth/get-session", two).body()).isEqualTo("null");
        assertThat(rows(http)).containsExactly(rowsAfterRevokeOne());

        // revoke all: the revocation marker, no keys, no list
        HttpResponse<String> all = http.postJson("/api/auth/revoke-sessions", "{}", one);
        assertThat(setCookies(all)).contains("better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
        assertThat(redis.exists(token(one))).isFalse();
        assertThat(redis.exists("active-sessions-" + userId)).isFalse();
        assertThat(Long.parseLong(redis.get("revoked-sessions-before-" + userId))).isPositive();
        assertThat(redis.ttl("revoked-sessions-before-" + userId)).isGreaterThanOrEqualTo(86_400L);
        assertThat(http.get("/api/auth/get-session", one).body()).isEqualTo("null");
        assertThat(rows(http)).containsExactly(rowsAfterRevokeAll());

        // sign in again and out: the key and the list entry go with the session
        String three = cookiePair(http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null), "better-auth.session_token");
        assertThat(redis.exists(token(three))).isTrue();
        http.postJson("/api/auth/sign-out", "{}", three);
        assertThat(redis.exists(token(three))).isFalse();
        assertThat(redis.exists("active-sessions-" + userId)).isFalse();
    }
}
