package io.betterauth.jakarta.jsonb;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.js.JsJson;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an application hands the library to send (a {@code SessionCustomizer}'s answer) as the values
 * {@link JsJson#stringify} writes: maps, lists, strings, booleans, numbers, instants and {@code null} pass through
 * untouched (their bytes are what they were), {@code Session}, {@code User} and {@code SessionAndUser} become their
 * {@code toJson()} maps, and anything else — a record, a POJO, a set, an array — is serialised with JSON-B
 * ({@link BetterAuthJsonb#config()}) and read back, so its members keep JSON-B's names and order and the body is
 * still written as {@code JSON.stringify} writes it.
 */
public final class ApplicationValues {

    private ApplicationValues() {
    }

    /** The value as {@link JsJson#stringify} takes it; the same instance when it is one already. */
    public static Object plain(Object value) {
        return needsConverting(value) ? convert(value) : value;
    }

    private static boolean isScalar(Object v) {
        return v == null || v instanceof String || v instanceof Boolean || v instanceof Number
                || v instanceof Instant || v == JsJson.Undefined.INSTANCE;
    }

    private static boolean needsConverting(Object v) {
        if (isScalar(v)) {
            return false;
        }
        if (v instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(ApplicationValues::needsConverting);
        }
        if (v instanceof List<?> list) {
            return list.stream().anyMatch(ApplicationValues::needsConverting);
        }
        return true;
    }

    private static Object convert(Object v) {
        if (isScalar(v)) {
            return v;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, e) -> out.put(String.valueOf(k), convert(e)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(convert(e)));
            return out;
        }
        if (v instanceof SessionAndUser su) {
            return su.toJson();
        }
        if (v instanceof Session s) {
            return s.toJson();
        }
        if (v instanceof User u) {
            return u.toJson();
        }
        return fromJsonP(Json.createReader(new StringReader(JsonbHolder.JSONB.toJson(v))).readValue());
    }

    /** A JSON-P value as plain values; strings stay strings (no date reviving: they are the application's). */
    static Object fromJsonP(JsonValue v) {
        switch (v.getValueType()) {
            case OBJECT:
                Map<String, Object> out = new LinkedHashMap<>();
                ((JsonObject) v).forEach((k, e) -> out.put(k, fromJsonP(e)));
                return out;
            case ARRAY:
                List<Object> list = new ArrayList<>();
                ((JsonArray) v).forEach(e -> list.add(fromJsonP(e)));
                return list;
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER:
                return JsJson.numberValue((JsonNumber) v);
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** Built on first use: an application whose customizer answers maps needs no JSON-B implementation. */
    private static final class JsonbHolder {
        static final Jsonb JSONB = JsonbBuilder.create(BetterAuthJsonb.config());
    }
}
