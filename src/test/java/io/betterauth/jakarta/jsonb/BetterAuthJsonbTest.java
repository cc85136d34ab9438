package io.betterauth.jakarta.jsonb;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.js.JsJson;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An application's own JAX-RS endpoint returning the library's types through JSON-B. */
class BetterAuthJsonbTest {

    static final Instant T = Instant.parse("2030-01-01T00:00:00.120Z");
    static final User USER = new User("u1", "Ann", "ann@example.com", true, null, T, T, Map.of("plan", "pro"));
    static final Session SESSION = new Session("s1", "tok", "u1", T, T, T, "203.0.113.1", null);

    public record Me(User user, Instant at) {
    }

    public static class Annotated {
        @JsonbTypeSerializer(BetterAuthJsonb.SessionSerializer.class)
        public Session session = SESSION;
    }

    @Test
    void withTheConfig_sessionUserAndInstant_areBetterAuthsJson() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create(BetterAuthJsonb.config())) {
            assertThat(jsonb.toJson(SESSION)).isEqualTo(JsJson.stringify(SESSION.toJson()));
            assertThat(jsonb.toJson(SESSION)).isEqualTo("{\"expiresAt\":\"2030-01-01T00:00:00.120Z\",\"token\":\"tok\","
                    + "\"createdAt\":\"2030-01-01T00:00:00.120Z\",\"updatedAt\":\"2030-01-01T00:00:00.120Z\","
                    + "\"ipAddress\":\"203.0.113.1\",\"userAgent\":null,\"userId\":\"u1\",\"id\":\"s1\"}");
            assertThat(jsonb.toJson(USER)).isEqualTo(JsJson.stringify(USER.toJson()));
            assertThat(jsonb.toJson(new SessionAndUser(SESSION, USER)))
                    .isEqualTo(JsJson.stringify(new SessionAndUser(SESSION, USER).toJson()));
            assertThat(jsonb.toJson(new Me(USER, Instant.parse("2031-02-03T04:05:06Z"))))
                    .isEqualTo("{\"at\":\"2031-02-03T04:05:06.000Z\",\"user\":" + JsJson.stringify(USER.toJson()) + "}");
        }
    }

    @Test
    void oneMemberCanBeAnnotated_withoutTheConfig() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertThat(jsonb.toJson(new Annotated()))
                    .isEqualTo("{\"session\":" + JsJson.stringify(SESSION.toJson()) + "}");
        }
    }
}
