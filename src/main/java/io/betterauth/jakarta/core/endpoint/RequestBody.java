package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.core.js.ClientJson;
import io.betterauth.jakarta.core.js.JsJson;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed reads of a JSON request body that collect problems the way Better Auth's zod validation reports them:
 * 400 {@code VALIDATION_ERROR} with {@code "[body.<key>] <message>; ..."}.
 */
public final class RequestBody {

    /** zod 4.6's default {@code z.email()} pattern (no trimming, ASCII only). */
    private static final Pattern EMAIL = Pattern.compile(
            "^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$");

    private final JsonObject json;
    private final List<String> problems = new ArrayList<>();

    public RequestBody(JsonObject json) {
        this.json = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
    }

    /**
     * The body a server-side call stands for, from Java values (strings, numbers, booleans, {@code null}, maps and
     * lists): the endpoint then validates it exactly as it validates a request's body.
     */
    public static RequestBody of(Map<String, ?> fields) {
        return new RequestBody(Json.createObjectBuilder(new LinkedHashMap<String, Object>(fields)).build());
    }

    public JsonObject json() {
        return json;
    }

    public String requiredString(String key) {
        return string(key, true);
    }

    public String optionalString(String key) {
        return string(key, false);
    }

    public Boolean optionalBoolean(String key) {
        JsonValue v = json.get(key);
        if (v == null) {
            return null;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
            return v.getValueType() == JsonValue.ValueType.TRUE;
        }
        return invalid(key, "boolean", v);
    }

    /**
     * An optional number ({@code z.number().optional()}): absent is null; a number JavaScript's {@code JSON.parse}
     * reads as {@code ±Infinity} ({@code 1e400}) is zod's {@code "received Infinity"} ({@code -Infinity}); any other
     * type is invalid.
     */
    public Double optionalNumber(String key) {
        JsonValue v = json.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            double d = n.doubleValue();
            if (Double.isInfinite(d)) {
                problems.add("[body." + key + "] Invalid input: expected number, received "
                        + (d > 0 ? "Infinity" : "-Infinity"));
                return null;
            }
            return d;
        }
        return invalid(key, "number", v);
    }

    /**
     * A required value read as zod's {@code z.coerce.string()} reads it: absent is {@code "expected nonoptional,
     * received undefined"}; anything else becomes JavaScript's {@code String(value)} ({@code null} is
     * {@code "null"}, {@code 12} is {@code "12"}, an object {@code "[object Object]"}, an array its items joined by
     * {@code ,}).
     */
    public String coercedString(String key) {
        JsonValue v = json.get(key);
        if (v == null) {
            problems.add("[body." + key + "] Invalid input: expected nonoptional, received undefined");
            return null;
        }
        return jsString(v, true);
    }

    /** JavaScript's {@code String(v)}; inside an array {@code null} is empty, as {@code Array.prototype.join} has it. */
    private static String jsString(JsonValue v, boolean top) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NULL -> top ? "null" : "";
            case TRUE -> "true";
            case FALSE -> "false";
            case NUMBER -> {
                double d = ((JsonNumber) v).doubleValue();
                yield Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : JsJson.number(d);
            }
            case ARRAY -> String.join(",", v.asJsonArray().stream().map(e -> jsString(e, false)).toList());
            default -> "[object Object]";
        };
    }

    /**
     * A required string or array of strings ({@code z.union([z.string(), z.array(z.string())])}), an array joined with
     * {@code ,} as JavaScript's {@code join} does ({@code []} is {@code ""}); anything else is zod's union failure,
     * {@code "Invalid input"}.
     */
    public String requiredStringOrStrings(String key) {
        JsonValue v = json.get(key);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof jakarta.json.JsonArray a && a.stream().allMatch(e -> e instanceof JsonString)) {
            return String.join(",", a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        }
        problems.add("[body." + key + "] Invalid input");
        return null;
    }

    /** A required string of at least one character ({@code z.string().nonempty()}). */
    public String requiredNonEmptyString(String key) {
        String value = requiredString(key);
        if (value != null && value.isEmpty()) {
            problems.add("[body." + key + "] Too small: expected string to have >=1 characters");
        }
        return value;
    }

    /** A required string that must also be an email address. */
    public String requiredEmail(String key) {
        String value = requiredString(key);
        if (value != null && !isEmail(value)) {
            problems.add("[body." + key + "] Invalid email address");
        }
        return value;
    }

    public static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    /** Throws the collected problems as one 400 {@code VALIDATION_ERROR}. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new AuthException(ErrorCode.VALIDATION_ERROR, String.join("; ", problems));
        }
    }

    private String string(String key, boolean required) {
        JsonValue v = json.get(key);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        return v == null && !required ? null : invalid(key, "string", v);
    }

    /** Records zod's {@code invalid_type} problem; the value read is then null. */
    private <T> T invalid(String key, String expected, JsonValue v) {
        problems.add("[body." + key + "] Invalid input: expected " + expected + ", received " + ClientJson.zodType(v));
        return null;
    }
}
