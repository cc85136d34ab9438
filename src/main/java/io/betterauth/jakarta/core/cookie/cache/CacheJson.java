package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.core.js.ClientJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JSON reading for cookie-cache payloads: the object a payload holds (read by {@link ClientJson}), strict UTF-8 as jose
 * requires for JWT claims, and locating the raw text of a top-level member, which lets the compact strategy verify
 * its HMAC over exactly the bytes Node signed (spec §3.3, "Java verification tip").
 */
final public class CacheJson {

    private CacheJson() {
    }

    /**
     * The top-level JSON object in {@code text}, or empty for invalid JSON, another kind of value, or a member name
     * repeated in any object.
     */
    public static Optional<JsonObject> object(String text) {
        return ClientJson.parseWithUniqueNames(text).filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject);
    }

    /** Like {@link #object(String)} for UTF-8 bytes, rejecting malformed UTF-8 (jose's fatal TextDecoder). */
    public static Optional<JsonObject> objectFromStrictUtf8(byte[] bytes) {
        if (ascii(bytes)) {
            return object(new String(bytes, StandardCharsets.US_ASCII)); // ASCII is valid UTF-8, decoded as such
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return object(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The exact source text of the value of top-level member {@code name} in {@code json}, or {@code null} when
     * absent or present more than once (whatever the JSON-P provider does with repeated names). {@code json} must
     * already have been validated as a JSON object (by {@link #object(String)}); this scanner only skips over
     * well-formed values.
     */
    static String rawMember(String json, String name) {
        int i = skipBlanks(json, 0) + 1; // past '{'
        String found = null;
        i = skipBlanks(json, i);
        if (json.charAt(i) == '}') {
            return null;
        }
        while (true) {
            i = skipBlanks(json, i);
            int keyEnd = endOfString(json, i);
            String key = memberName(json.substring(i, keyEnd));
            i = skipBlanks(json, skipBlanks(json, keyEnd) + 1); // past ':'
            int valueEnd = endOfValue(json, i);
            if (name.equals(key)) {
                if (found != null) {
                    return null;
                }
                found = json.substring(i, valueEnd);
            }
            i = skipBlanks(json, valueEnd);
            if (json.charAt(i) != ',') {
                return found;
            }
            i++;
        }
    }

    private static String memberName(String quoted) {
        if (quoted.indexOf('\\') < 0) {
            return quoted.substring(1, quoted.length() - 1);
        }
        // An escaped name such as "sess\u0069on" is still "session" to JSON.parse.
        return ((JsonString) ClientJson.parse(quoted).orElseThrow()).getString();
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** Index just past the string literal starting at {@code i}. */
    private static int endOfString(String s, int i) {
        for (int j = i + 1; ; j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return j + 1;
            }
        }
    }

    /** Index just past the value starting at {@code i}. */
    private static int endOfValue(String s, int i) {
        char c = s.charAt(i);
        if (c == '"') {
            return endOfString(s, i);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            for (int j = i; ; j++) {
                char d = s.charAt(j);
                if (d == '"') {
                    j = endOfString(s, j) - 1;
                } else if (d == '{' || d == '[') {
                    depth++;
                } else if ((d == '}' || d == ']') && --depth == 0) {
                    return j + 1;
                }
            }
        }
        int j = i;
        while (j < s.length() && ",}] \t\n\r".indexOf(s.charAt(j)) < 0) {
            j++;
        }
        return j;
    }
}
