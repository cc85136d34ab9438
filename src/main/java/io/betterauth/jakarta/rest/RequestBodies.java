package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.core.js.ClientJson;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.js.UriComponent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads request bodies as Better Auth's router does: only {@code application/json} (plus form encoding where an
 * endpoint allows it), checked only when there is a body; malformed JSON is 400 {@code BAD_REQUEST}, a wrong
 * content type 415 {@code UNSUPPORTED_MEDIA_TYPE}, never a 500. Ours: a body over the configured size is 413
 * {@code PAYLOAD_TOO_LARGE}, and JSON beyond {@link ClientJson}'s bounds is malformed.
 */
final class RequestBodies {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    private RequestBodies() {
    }

    /**
     * The body as text, reading at most {@code maxBytes}: a declared {@code Content-Length} over the limit is refused
     * before anything is read, a longer stream (chunked, or a length that lied) as soon as the limit is passed; 413
     * {@code PAYLOAD_TOO_LARGE} either way. Decoded as UTF-8 whatever the {@code charset} parameter says, malformed
     * bytes replaced and a leading byte order mark dropped, as fetch's {@code Request.text()} does for Better Auth.
     *
     * @param declaredLength the {@code Content-Length}, or -1 when unknown
     */
    static String read(long declaredLength, InputStream in, int maxBytes) {
        if (declaredLength > maxBytes) {
            throw new AuthException(ErrorCode.PAYLOAD_TOO_LARGE);
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes);
            if (bytes.length == maxBytes && in.read() != -1) {
                throw new AuthException(ErrorCode.PAYLOAD_TOO_LARGE);
            }
        } catch (IOException e) {
            // A body cut short or badly chunked: what Better Auth's JSON parse of it answers.
            throw new AuthException(ErrorCode.BAD_REQUEST);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The zod schema an endpoint declares for its body, which words the 400 {@code VALIDATION_ERROR} of a JSON body
     * that is no object (an array, a string, {@code null}): Better Auth's {@code z.object} says "expected object",
     * {@code z.record} (update-user, update-session) "expected record", sign-up's {@code z.object(…).and(z.record(…))}
     * both; an endpoint without a body schema (revoke-sessions, revoke-other-sessions) takes any JSON and ignores it.
     */
    enum BodySchema {
        OBJECT, RECORD, OBJECT_AND_RECORD, NONE;

        AuthException notAnObject(String received) {
            String object = "[body] Invalid input: expected object, received " + received;
            String record = "[body] Invalid input: expected record, received " + received;
            return new AuthException(ErrorCode.VALIDATION_ERROR, switch (this) {
                case RECORD -> record;
                case OBJECT_AND_RECORD -> object + "; " + record;
                default -> object;
            });
        }
    }

    /** {@link #parse(String, String, List, BodySchema)} for an endpoint whose body is a {@code z.object}. */
    static RequestBody parse(String contentType, String body, List<String> allowed) {
        return parse(contentType, body, allowed, BodySchema.OBJECT);
    }

    static RequestBody parse(String contentType, String body, List<String> allowed, BodySchema schema) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
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
        JsonValue value = ClientJson.parse(hasBody ? body : "")
                .orElseThrow(() -> new AuthException(ErrorCode.BAD_REQUEST));
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            if (schema == BodySchema.NONE) {
                return new RequestBody(JsonValue.EMPTY_JSON_OBJECT);
            }
            throw schema.notAnObject(ClientJson.zodType(value));
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
