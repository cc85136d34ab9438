package io.betterauth.jakarta.jsonb;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.js.JsJson;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.time.Instant;

/**
 * JSON-B serializers that write the library's types as Better Auth does: {@code Session}, {@code User} and
 * {@code SessionAndUser} as their {@code toJson()} maps (member order, {@code null}s and additional fields as
 * {@code /get-session} writes them), and {@code Instant} as {@code Date.prototype.toISOString()}
 * ({@code 2030-01-01T00:00:00.000Z}, where JSON-B would write {@code 2030-01-01T00:00:00Z}).
 *
 * <p>Writing only: Better Auth's JSON is what the library sends, never what it reads from an application. Register
 * {@link #config()} in a JAX-RS {@code ContextResolver<Jsonb>}, or annotate one member with
 * {@code @JsonbTypeSerializer(BetterAuthJsonb.SessionSerializer.class)}. The maps hold every field of the record,
 * additional fields marked {@code returned: false} included: hand out what the caller may see.
 */
public final class BetterAuthJsonb {

    private BetterAuthJsonb() {
    }

    /** A JSON-B configuration with the four serializers; add the application's own settings to it. */
    public static JsonbConfig config() {
        return new JsonbConfig().withSerializers(new SessionSerializer(), new UserSerializer(),
                new SessionAndUserSerializer(), new InstantSerializer());
    }

    /** A value the library writes ({@code toJson()} maps, lists, strings, numbers, instants) as a JSON-P value. */
    static JsonValue jsonValue(Object plain) {
        return Json.createReader(new StringReader(JsJson.stringify(plain))).readValue();
    }

    /** {@code Session} as Better Auth writes it. */
    public static final class SessionSerializer implements JsonbSerializer<Session> {
        @Override
        public void serialize(Session session, JsonGenerator generator, SerializationContext ctx) {
            generator.write(jsonValue(session.toJson()));
        }
    }

    /** {@code User} as Better Auth writes it. */
    public static final class UserSerializer implements JsonbSerializer<User> {
        @Override
        public void serialize(User user, JsonGenerator generator, SerializationContext ctx) {
            generator.write(jsonValue(user.toJson()));
        }
    }

    /** {@code SessionAndUser} as {@code /get-session} writes it: {@code {"session":…,"user":…}}. */
    public static final class SessionAndUserSerializer implements JsonbSerializer<SessionAndUser> {
        @Override
        public void serialize(SessionAndUser current, JsonGenerator generator, SerializationContext ctx) {
            generator.write(jsonValue(current.toJson()));
        }
    }

    /** {@code Instant} as JavaScript's {@code Date.prototype.toISOString()}. */
    public static final class InstantSerializer implements JsonbSerializer<Instant> {
        @Override
        public void serialize(Instant instant, JsonGenerator generator, SerializationContext ctx) {
            generator.write(JsJson.isoDate(instant));
        }
    }
}
