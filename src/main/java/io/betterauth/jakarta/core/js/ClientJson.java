package io.betterauth.jakarta.core.js;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;

/**
 * The one way JSON text a client controls is read (request bodies, cookie-cache payloads): a value, or empty for
 * anything that is not JSON within these bounds, without an exception.
 *
 * <p>JSON-P's provider has limits of its own, but reports them with unchecked exceptions that are not
 * {@link JsonException} and differ by version — Parsson 1.1.5 to 1.1.7 throw {@code NumberFormatException} for an
 * exponent beyond an {@code int} ({@code 1e9999999999}), {@code UnsupportedOperationException} for a number of more
 * than 1,100 characters and a bare {@code RuntimeException} past 1,000 levels of nesting — and leaves numbers such as
 * {@code 1e999999999} to become {@code BigDecimal}s that later conversions expand digit by digit. So the text is
 * first scanned once, in linear time and without allocating, against bounds far beyond anything Better Auth writes
 * or a client needs: at most {@value #MAX_DEPTH} levels of nesting, numbers of at most
 * {@value #MAX_NUMBER_LENGTH} characters and exponents of at most {@value #MAX_EXPONENT_DIGITS} digits. Only text
 * within them reaches the parser. (JavaScript's {@code JSON.parse} would read those numbers as {@code Infinity} or
 * 0 and any depth; here they are malformed: a 400 for a request body, a cache miss for a cookie.)
 */
public final class ClientJson {

    /** Arrays and objects inside each other, the outermost counting as 1. */
    public static final int MAX_DEPTH = 64;
    /** Characters of one number, sign and exponent included. */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** Digits of an exponent after its leading zeros: {@code 1e9999} is the largest magnitude read. */
    public static final int MAX_EXPONENT_DIGITS = 4;

    /** One parser factory: {@code Json.createParser} looks the provider up through the ServiceLoader on each call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    /**
     * The same, failing on a member name repeated in any object (JSON-P 2.1's {@code KeyStrategy.NONE}; Parsson's own
     * switch too): for cookie-cache payloads, which Better Auth never writes with one, so that a payload cannot be
     * verified in one reading and used in another.
     */
    private static final JsonParserFactory UNIQUE_NAME_PARSERS = Json.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE, "org.eclipse.parsson.rejectDuplicateKeys", true));

    private ClientJson() {
    }

    /**
     * The JSON value {@code text} holds, or empty when it is malformed or outside the bounds. As with
     * {@code JSON.parse}, only whitespace may follow the value ({@code JsonReader.readValue()} ignores the rest).
     */
    public static Optional<JsonValue> parse(String text) {
        return parse(text, PARSERS);
    }

    /** Like {@link #parse(String)}, and empty when a member name is repeated in any object. */
    public static Optional<JsonValue> parseWithUniqueNames(String text) {
        return parse(text, UNIQUE_NAME_PARSERS);
    }

    private static Optional<JsonValue> parse(String text, JsonParserFactory parsers) {
        if (text == null || !withinBounds(text)) {
            return Optional.empty();
        }
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                return Optional.empty();
            }
            parser.next();
            JsonValue value = parser.getValue();
            return parser.hasNext() ? Optional.empty() : Optional.of(value);
        } catch (JsonException | NumberFormatException | ArithmeticException
                 | UnsupportedOperationException e) {
            // JsonException: malformed. The others are a provider's own limits, should one be stricter than ours.
            return Optional.empty();
        } catch (IllegalStateException e) {
            // Parsson's answer to a repeated member name under the unique-names factory ("Duplicate key ... is not
            // allowed"): an expected rejection, not a failure to log for every forged cookie.
            return Optional.empty();
        }
    }

    /**
     * Whether nesting and numbers stay within the bounds. Only the structure outside string literals counts; a run
     * of number characters ({@code 0-9 + - . e E}) is one number, however malformed (the parser rejects those).
     */
    static boolean withinBounds(String text) {
        int depth = 0;
        int numberLength = 0;
        int exponentDigits = -1; // -1: not in an exponent; otherwise its significant digits so far
        boolean inString = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                if (++numberLength > MAX_NUMBER_LENGTH) {
                    return false;
                }
                if (c == 'e' || c == 'E') {
                    exponentDigits = 0;
                } else if (exponentDigits >= 0 && c >= '0' && c <= '9' && (exponentDigits > 0 || c != '0')
                        && ++exponentDigits > MAX_EXPONENT_DIGITS) {
                    return false;
                }
                continue;
            }
            numberLength = 0;
            exponentDigits = -1;
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    return false;
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return true;
    }

    /**
     * What zod calls a parsed client value's type in its {@code "Invalid input: expected …, received <type>"}
     * messages: {@code undefined} for a missing value ({@code null} here), then {@code null}, {@code string},
     * {@code number}, {@code boolean}, {@code array} or {@code object}.
     */
    public static String zodType(JsonValue v) {
        if (v == null) {
            return "undefined";
        }
        return switch (v.getValueType()) {
            case NULL -> "null";
            case NUMBER -> "number";
            case TRUE, FALSE -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
        };
    }
}
