package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.js.JsDates;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.session.AdditionalFields;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Better Auth 1.7.25's values in secondary storage, byte for byte, and their lifetimes: the token key's
 * {@code {"session":{…},"user":{…}}}, the {@code active-sessions-<userId>} list
 * {@code [{"token":"…","expiresAt":<ms>},…]} and the {@code revoked-sessions-before-<userId>} marker. Written by hand
 * (members in Better Auth's order, through {@link JsJson}) because a Node Better Auth on the same storage must read
 * what is written here and the other way round.
 *
 * <p>Reading follows Better Auth's read path ({@code findSession} in its internal adapter): the value is parsed as
 * {@code safeJSONParse} does ({@link JsJson#safeParsed}: every string its reviver takes for a date becomes one) and each
 * date member is then {@code new Date(member)} ({@link JsDates#newDate}). Unlike Better Auth, a value that is not JSON,
 * lacks a member Better Auth always writes, has a member of the wrong type or a date JavaScript would hold as an
 * Invalid Date (or one only V8's fallback date parser reads), or stores a session under a token other than its key
 * or a user other than the session's, is no session: never an exception. The members of a value are kept, in their
 * order and as Better Auth would write them back, so that a rewrite loses none of them.
 */
final class SessionValueCodec {

    private final JsonReaderFactory readers = Json.createReaderFactory(Map.of());

    /** The value of a new session's token key: the session as {@link Session#toJson()}, its user as {@link User#toJson()}. */
    String write(Session session, User user) {
        return write(session.toJson(), user.toJson());
    }

    /** A token key's value from its members, as read by {@link #read} and changed. */
    String write(Map<String, Object> sessionJson, Map<String, Object> userJson) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("session", sessionJson);
        value.put("user", userJson);
        return JsJson.stringify(value);
    }

    /** The session and user stored under {@code token}; empty when the value is unreadable (see the class comment). */
    Optional<StoredSession> read(String raw, String token) {
        try {
            JsonObject root = readJson(raw).asJsonObject();
            JsonObject s = root.getJsonObject("session");
            JsonObject u = root.getJsonObject("user");
            if (s == null || u == null) {
                return Optional.empty();
            }
            Session session = new Session(string(s, "id"), string(s, "token"), string(s, "userId"),
                    date(s, "expiresAt"), date(s, "createdAt"), date(s, "updatedAt"),
                    optionalString(s, "ipAddress"), optionalString(s, "userAgent"),
                    AdditionalFields.extras(s, Session.CORE_FIELDS));
            User user = new User(string(u, "id"), string(u, "name"), string(u, "email"), bool(u, "emailVerified"),
                    optionalString(u, "image"), date(u, "createdAt"), date(u, "updatedAt"),
                    AdditionalFields.extras(u, User.CORE_FIELDS));
            if (!session.token().equals(token) || !user.id().equals(session.userId())) {
                return Optional.empty();
            }
            return Optional.of(new StoredSession(session, user, s, u));
        } catch (RuntimeException e) {
            // Not JSON, not an object, a member missing or of the wrong type, an Invalid Date: no session.
            return Optional.empty();
        }
    }

    /** The {@code session.userId} of a value whose session can at least be located; for pruning on delete. */
    Optional<String> userIdOf(String raw) {
        try {
            return Optional.of(string(readJson(raw).asJsonObject().getJsonObject("session"), "userId"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The entries of a list value that have a string {@code token} and a numeric {@code expiresAt} (as JavaScript
     * holds it; Better Auth writes whole milliseconds, a fraction is dropped), in list order; an unreadable list is
     * empty.
     */
    List<ActiveSession> readList(String raw) {
        List<ActiveSession> refs = new ArrayList<>();
        try {
            for (JsonValue v : readJson(raw).asJsonArray()) {
                if (v instanceof JsonObject o && o.get("token") instanceof JsonString t
                        && o.get("expiresAt") instanceof JsonNumber n && JsJson.numberValue(n) instanceof Number ms) {
                    refs.add(new ActiveSession(t.getString(), ms.longValue()));
                }
            }
        } catch (RuntimeException e) {
            refs.clear();
        }
        return refs;
    }

    /** The list's value: live entries only, one per token (the latest expiry), ascending by {@code expiresAt}. */
    String writeList(List<ActiveSession> refs, long now) {
        Map<String, ActiveSession> byToken = new LinkedHashMap<>();
        for (ActiveSession r : refs) {
            if (r.expiresAt() > now) {
                byToken.merge(r.token(), r, (a, b) -> b.expiresAt() > a.expiresAt() ? b : a);
            }
        }
        List<ActiveSession> sorted = new ArrayList<>(byToken.values());
        sorted.sort(Comparator.comparingLong(ActiveSession::expiresAt));
        List<Map<String, Object>> json = new ArrayList<>(sorted.size());
        for (ActiveSession r : sorted) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("token", r.token());
            m.put("expiresAt", r.expiresAt());
            json.add(m);
        }
        return JsJson.stringify(json);
    }

    /**
     * Better Auth's {@code Number(get(revoked-sessions-before-…))} ({@link JsJson#toNumber}): a millisecond epoch;
     * a missing marker is 0, one that is not a number {@code NaN}, before which nothing was created.
     */
    static double revokedBefore(Optional<String> raw) {
        return raw.map(JsJson::toNumber).orElse(0.0);
    }

    /**
     * The marker's new value: the later of {@code revokedAt} and the previous marker (Better Auth's
     * {@code String(Math.max(revokedAt, previous || 0))}, for the whole milliseconds it holds).
     */
    static String revokedBeforeValue(long revokedAt, Optional<String> previous) {
        double before = revokedBefore(previous);
        return Long.toString(Double.isNaN(before) ? revokedAt : Math.max(revokedAt, (long) before));
    }

    /**
     * Better Auth's {@code getTTLSeconds} ({@code floor} of the seconds left) except that it never gives 0: a
     * positive remainder under one second is 1 s (better-auth#10992: a TTL of 0 made Redis keep the key forever);
     * nothing left is empty (do not write).
     */
    static Optional<Duration> ttlUntil(long expiresAtMillis, long nowMillis) {
        long remaining = expiresAtMillis - nowMillis;
        if (remaining <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.max(1, remaining / 1000)));
    }

    private JsonValue readJson(String raw) {
        try (JsonReader reader = readers.createReader(new StringReader(raw))) {
            return reader.readValue();
        }
    }

    /** A member that is not what Better Auth writes: the value is unreadable. */
    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid() {
            super(null, null, false, false);
        }
    }

    private static String string(JsonObject o, String key) {
        if (o.get(key) instanceof JsonString s) {
            return s.getString();
        }
        throw new Invalid();
    }

    private static String optionalString(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return string(o, key);
    }

    private static boolean bool(JsonObject o, String key) {
        JsonValue.ValueType type = o.containsKey(key) ? o.get(key).getValueType() : JsonValue.ValueType.NULL;
        if (type == JsonValue.ValueType.TRUE || type == JsonValue.ValueType.FALSE) {
            return type == JsonValue.ValueType.TRUE;
        }
        throw new Invalid();
    }

    /** {@code new Date(member)} of the member as {@link JsJson#safeParsed} gives it (missing: Invalid Date). */
    private static Instant date(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return JsDates.newDate(v == null ? null : JsJson.safeParsed(v)).orElseThrow(Invalid::new);
    }
}
