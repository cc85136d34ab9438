package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.js.ClientJson;
import io.betterauth.jakarta.core.js.JsDates;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.session.AdditionalFields;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The payload every cookie-cache strategy carries (spec §3.1): the session and its user, when the cache was written
 * ({@code updatedAt}, epoch ms) and the cache {@code version}.
 *
 * <p>{@link #toJson()} is the canonical form Java writes — {@code {"session":…,"user":…,"updatedAt":…,"version":…}}
 * with the member orders of {@link Session#toJson()} and {@link User#toJson()} — which Node re-serialises to the same
 * bytes, as the compact strategy's signature requires (§3.2). {@link #fromJson} is the tolerant reader: any member
 * order, unknown members dropped, dates revived as Better Auth revives them, then Better Auth's zod schema applied.
 * It answers {@link Optional#empty()} for anything that schema rejects and never throws for client input.
 *
 * @param sessionAndUser the cached session and user
 * @param updatedAt      when the cache was written, epoch milliseconds
 * @param version        the cache version; {@code null} when a cache we read had none (Better Auth then assumes
 *                       {@code "1"}, see {@link #effectiveVersion()})
 */
public record SessionData(SessionAndUser sessionAndUser, long updatedAt, String version) {

    /** Better Auth's {@code cookieCache.version} default. */
    public static final String DEFAULT_VERSION = "1";

    public SessionData {
        Objects.requireNonNull(sessionAndUser, "sessionAndUser");
        Objects.requireNonNull(sessionAndUser.session(), "session");
        Objects.requireNonNull(sessionAndUser.user(), "user");
    }

    /** The payload {@code setCookieCache} builds at {@code nowMs}. */
    public static SessionData of(SessionAndUser sessionAndUser, long nowMs, String version) {
        return new SessionData(sessionAndUser, nowMs, version == null ? DEFAULT_VERSION : version);
    }

    public Session session() {
        return sessionAndUser.session();
    }

    public User user() {
        return sessionAndUser.user();
    }

    /** The version Better Auth compares with the configured one: {@code payload.version || "1"}. */
    public String effectiveVersion() {
        return version == null || version.isEmpty() ? DEFAULT_VERSION : version;
    }

    /** The canonical, ordered JSON tree for {@link JsJson#stringify}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", session().toJson());
        m.put("user", user().toJson());
        m.put("updatedAt", updatedAt);
        m.put("version", version == null ? JsJson.Undefined.INSTANCE : version);
        return m;
    }

    /** {@code JSON.stringify(sessionData)} for this payload. */
    public String toJsonString() {
        return JsJson.stringify(toJson());
    }

    /** Parses JSON text and applies {@link #fromJson(JsonValue, long)}. */
    public static Optional<SessionData> parse(String json, long nowMs) {
        return ClientJson.parse(json).flatMap(value -> fromJson(value, nowMs));
    }

    /**
     * Reads a decoded cache payload as Better Auth's {@code parseCookieCachePayload} does (§3.1). {@code nowMs}
     * supplies zod's {@code createdAt}/{@code updatedAt} defaults when those members are absent. Unknown members
     * at the top level (a JWT's {@code iat}/{@code exp}/{@code jti}) are dropped; unknown members of the session and
     * the user are their additional fields and are kept.
     *
     * <p>Two deliberate, stricter differences: {@code session.userId} is coerced to a string only from a string,
     * number or boolean (zod's {@code String(x)} would also turn {@code null} into {@code "null"} and a missing
     * member into {@code "undefined"}); a {@code session.userId} string in ISO date form is rejected (zod would
     * stringify the revived date in the server's time zone).
     */
    public static Optional<SessionData> fromJson(JsonValue value, long nowMs) {
        try {
            JsonObject root = object(value);
            JsonObject s = object(root.get("session"));
            JsonObject u = object(root.get("user"));
            Instant now = Instant.ofEpochMilli(nowMs);
            Session session = new Session(
                    string(s.get("id")),
                    string(s.get("token")),
                    coercedString(s.get("userId")),
                    date(s.get("expiresAt")),
                    dateOrDefault(s.get("createdAt"), now),
                    dateOrDefault(s.get("updatedAt"), now),
                    nullishString(s.get("ipAddress")),
                    nullishString(s.get("userAgent")),
                    AdditionalFields.extras(s, Session.CORE_FIELDS));
            User user = new User(
                    string(u.get("id")),
                    string(u.get("name")),
                    string(u.get("email")).toLowerCase(Locale.ROOT),
                    booleanOrFalse(u.get("emailVerified")),
                    nullishString(u.get("image")),
                    dateOrDefault(u.get("createdAt"), now),
                    dateOrDefault(u.get("updatedAt"), now),
                    AdditionalFields.extras(u, User.CORE_FIELDS));
            long updatedAt = number(root.get("updatedAt"));
            JsonValue v = root.get("version");
            String version = v == null ? null : string(v);
            return Optional.of(new SessionData(new SessionAndUser(session, user), updatedAt, version));
        } catch (Invalid e) {
            return Optional.empty();
        }
    }

    // --- zod rules, one helper per schema type; each throws Invalid for a value the schema rejects ---

    private static JsonObject object(JsonValue v) throws Invalid {
        if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Invalid.INSTANCE;
        }
        return v.asJsonObject();
    }

    /** {@code z.string()} after date revival: a string that revives to a date is a Date, not a string. */
    private static String string(JsonValue v) throws Invalid {
        if (v instanceof JsonString js && !JsDates.isRevived(js.getString())) {
            return js.getString();
        }
        throw Invalid.INSTANCE;
    }

    /** {@code z.string().nullish()}: absent and {@code null} both read as {@code null}. */
    private static String nullishString(JsonValue v) throws Invalid {
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : string(v);
    }

    /** {@code z.coerce.string()}, limited to primitives (see {@link #fromJson}). */
    private static String coercedString(JsonValue v) throws Invalid {
        if (v instanceof JsonNumber n) {
            return JsJson.number(n.doubleValue());
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return String.valueOf(v == JsonValue.TRUE);
        }
        return string(v);
    }

    /** {@code z.date()} after revival: only a string in the ISO form V8 parses. */
    private static Instant date(JsonValue v) throws Invalid {
        if (v instanceof JsonString js) {
            Optional<Instant> d = JsDates.revive(js.getString());
            if (d.isPresent()) {
                return d.get();
            }
        }
        throw Invalid.INSTANCE;
    }

    /** {@code z.date().default(() => new Date())}: the default applies to an absent member, not to {@code null}. */
    private static Instant dateOrDefault(JsonValue v, Instant now) throws Invalid {
        return v == null ? now : date(v);
    }

    /** {@code z.boolean().default(false)}: absent is false, {@code null} is rejected. */
    private static boolean booleanOrFalse(JsonValue v) throws Invalid {
        if (v == null || v == JsonValue.FALSE) {
            return false;
        }
        if (v == JsonValue.TRUE) {
            return true;
        }
        throw Invalid.INSTANCE;
    }

    /**
     * {@code z.number()}: finite (JSON.parse turns {@code 1e999} into Infinity, which zod rejects); a fractional
     * value, which zod accepts and Better Auth never writes, is truncated.
     */
    private static long number(JsonValue v) throws Invalid {
        if (v instanceof JsonNumber n && Double.isFinite(n.doubleValue())) {
            return (long) n.doubleValue();
        }
        throw Invalid.INSTANCE;
    }

    /** Control flow for a schema failure: preallocated and stackless, since it is expected on bad input. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        static final Invalid INSTANCE = new Invalid();

        private Invalid() {
            super(null, null, false, false);
        }
    }
}
