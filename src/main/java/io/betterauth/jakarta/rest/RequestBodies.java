package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.core.AuthException;
import io.betterauth.jakarta.core.ErrorCode;
import io.betterauth.jakarta.core.RequestBody;
import io.betterauth.jakarta.core.UriComponent;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;

/**
 * Reads request bodies as Better Auth's router does: only {@code application/json} (plus form encoding where an
 * endpoint allows it), checked only when there is a body; malformed JSON is 400 {@code BAD_REQUEST}, a wrong
 * content type 415 {@code UNSUPPORTED_MEDIA_TYPE}, never a 500.
 */
final class RequestBodies {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    private RequestBodies() {
    }

    static RequestBody parse(String contentType, String body, List<String> allowed) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        boolean hasBody = body != null && !body.isEmpty();
        if (!hasBody && !JSON.equals(type)) {
            return new RequestBody(JsonValue.EMPTY_JSON_OBJECT);
        }
        if (type.isEmpty()) {
            throw unsupported("Content-Type is required. Allowed types: " + String.join(", ", allowed));
        }
        if (!allowed.contains(type)) {
            throw unsupported("Content-Type \"" + type + "\" is not allowed. Allowed types: " + String.join(", ", allowed));
        }
        if (FORM.equals(type)) {
            return new RequestBody(form(body));
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(hasBody ? body : ""))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new AuthException(ErrorCode.BAD_REQUEST);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            String received = value.getValueType() == JsonValue.ValueType.TRUE
                    || value.getValueType() == JsonValue.ValueType.FALSE
                    ? "boolean" : value.getValueType().name().toLowerCase(Locale.ROOT);
            throw new AuthException(ErrorCode.VALIDATION_ERROR, "[body] Invalid input: expected object, received "
                    + received + "; [body] Invalid input: expected record, received " + received);
        }
        return new RequestBody(value.asJsonObject());
    }

    private static AuthException unsupported(String message) {
        return new AuthException(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE.name(), message, List.of());
    }

    /** Form fields as JSON strings; {@code true}/{@code false} as booleans, as Better Auth's form parsing yields. */
    private static JsonObject form(String body) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (value) {
                case "true" -> b.add(key, true);
                case "false" -> b.add(key, false);
                default -> b.add(key, value);
            }
        }
        return b.build();
    }

    private static String decode(String s) {
        String plus = s.replace('+', ' ');
        return UriComponent.decode(plus).orElse(plus);
    }
}
