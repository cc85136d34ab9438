package io.betterauth.jakarta.jsonb;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.js.JsJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationValuesTest {

    static final Instant T = Instant.parse("2030-01-01T00:00:00Z");
    static final User USER = new User("u1", "Ann", "ann@example.com", false, null, T, T);
    static final Session SESSION = new Session("s1", "tok", "u1", T.plusSeconds(604800), T, T, null, "UA");

    public record Roles(String plan, List<String> roles, Instant since, Double score, String nothing) {
    }

    public static class Profile {
        private final String nickname = "annie";
        private final int level = 3;

        public String getNickname() {
            return nickname;
        }

        public int getLevel() {
            return level;
        }
    }

    public record WithSession(SessionAndUser current, String extra) {
    }

    @Test
    void plainValues_areTheSameInstance_andWriteAsBefore() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", USER.toJson());
        body.put("roles", List.of("editor", 2L, 1.5, true));
        body.put("since", T);
        body.put("gone", JsJson.Undefined.INSTANCE);
        body.put("none", null);
        assertThat(ApplicationValues.plain(body)).isSameAs(body);
        assertThat(ApplicationValues.plain("x")).isEqualTo("x");
        assertThat(ApplicationValues.plain(null)).isNull();
    }

    @Test
    void aRecord_isWrittenThroughJsonb_thenAsJsonStringify() {
        Object plain = ApplicationValues.plain(new Roles("pro", List.of("editor", "admin"), T, 1.0, null));
        // JSON-B's names and its default (lexicographic) order, null members left out; numbers as JavaScript writes
        // them; an Instant as Date.prototype.toISOString().
        assertThat(JsJson.stringify(plain)).isEqualTo(
                "{\"plan\":\"pro\",\"roles\":[\"editor\",\"admin\"],\"score\":1,\"since\":\"2030-01-01T00:00:00.000Z\"}");
    }

    @Test
    void aPojoInsideAMap_isConverted_andTheMapKeepsItsOrder() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", SESSION.toJson());
        body.put("profile", new Profile());
        body.put("tags", Set.of("a"));
        assertThat(JsJson.stringify(ApplicationValues.plain(body))).isEqualTo("{\"session\":"
                + JsJson.stringify(SESSION.toJson()) + ",\"profile\":{\"level\":3,\"nickname\":\"annie\"},"
                + "\"tags\":[\"a\"]}");
    }

    @Test
    void sessionUserAndSessionAndUser_keepBetterAuthsShape_alsoInsideARecord() {
        SessionAndUser current = new SessionAndUser(SESSION, USER);
        assertThat(JsJson.stringify(ApplicationValues.plain(current))).isEqualTo(JsJson.stringify(current.toJson()));
        assertThat(JsJson.stringify(ApplicationValues.plain(List.of(SESSION, USER))))
                .isEqualTo("[" + JsJson.stringify(SESSION.toJson()) + "," + JsJson.stringify(USER.toJson()) + "]");
        assertThat(JsJson.stringify(ApplicationValues.plain(new WithSession(current, "x"))))
                .isEqualTo("{\"current\":" + JsJson.stringify(current.toJson()) + ",\"extra\":\"x\"}");
    }

    @Test
    void stringsThatLookLikeDates_stayAsTheAppWroteThem() {
        assertThat(JsJson.stringify(ApplicationValues.plain(new Roles("2030-01-01T00:00:00Z", List.of(), null,
                null, null)))).isEqualTo("{\"plan\":\"2030-01-01T00:00:00Z\",\"roles\":[]}");
    }
}
