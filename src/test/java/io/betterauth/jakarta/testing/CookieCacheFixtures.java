package io.betterauth.jakarta.testing;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.cookie.CookieAttributes;
import io.betterauth.jakarta.core.cookie.cache.CacheJson;
import io.betterauth.jakarta.core.cookie.cache.SessionData;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.config.option.SameSite;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Shared data and helpers for the cookie-cache tests. */
public final class CookieCacheFixtures {

    public static final String SECRET = "better-auth-secret-that-is-long-enough-for-validation-test";
    public static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    public static final long NOW = T0.toEpochMilli();
    /** Every kind of character JSON.stringify treats specially, plus a lone surrogate. */
    public static final String TRICKY = "Zoë \"Q\" \\ back\\slash \u0000\u0001\u001f\u007f \b\f\n\r\t </script>&<b> "
            + "\u2028\u2029 中文 😀 lone\ud800 end / \u00a0";

    private CookieCacheFixtures() {
    }

    /** A session and user whose strings need every escaping rule, with a null image and ip address. */
    public static SessionData trickyData() {
        Session session = new Session("SeSsId-" + TRICKY, "TokenWith\"Quote\\", "UsErId0123456789",
                T0.plusSeconds(7 * 86_400), T0, T0.plusMillis(123), null, "Mozilla/5.0 \"" + TRICKY + "\"");
        User user = new User("UsErId0123456789", TRICKY, "zoë+tag@example.com", true, null, T0, T0.plusMillis(1));
        return SessionData.of(new SessionAndUser(session, user), NOW + 5, "1");
    }

    /** The vector V2 session and user, as a typed value. */
    public static SessionData v2Data() {
        Instant created = Instant.parse("2030-01-01T00:00:00.000Z");
        Session session = new Session("SeSsId0123456789SeSsId0123456789", "AbCdEfGhIjKlMnOpQrStUvWxYz012345",
                "UsErId0123456789UsErId0123456789", Instant.parse("2030-01-08T00:00:00.000Z"), created, created, "",
                "");
        User user = new User("UsErId0123456789UsErId0123456789", "Test", "test@example.com", false, null, created,
                created);
        return new SessionData(new SessionAndUser(session, user), 1_893_456_000_000L, "1");
    }

    /**
     * A JSON-P value as the ordered tree {@link JsJson} writes, so a payload Node serialised can be re-serialised by
     * Java with the same member order.
     */
    public static Object tree(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
                    map.put(e.getKey(), tree(e.getValue()));
                }
                return map;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonValue v : (JsonArray) value) {
                    list.add(tree(v));
                }
                return list;
            }
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER: {
                JsonNumber n = (JsonNumber) value;
                return n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
            }
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> treeOf(String json) {
        return (Map<String, Object>) tree(CacheJson.object(json).orElseThrow());
    }

    /** The {@code Cookie} header a browser would send back after receiving these {@code Set-Cookie} lines. */
    public static RequestCookies cookiesFrom(List<String> setCookies) {
        return RequestCookies.parse(setCookies.stream()
                .filter(line -> !line.contains("Max-Age=0"))
                .map(line -> line.substring(0, line.indexOf(';') < 0 ? line.length() : line.indexOf(';')))
                .collect(Collectors.joining("; ")));
    }

    public static CookieAttributes defaultAttributes(Long maxAge) {
        return new CookieAttributes(maxAge, null, "/", true, false, SameSite.LAX, false);
    }
}
