package io.betterauth.jakarta.core.js;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes JSON byte for byte as JavaScript's {@code JSON.stringify} does, so that what we sign or send is what a
 * Node Better Auth would have produced: insertion order of keys, no escaping of {@code /} or non-ASCII, lowercase
 * escapes (backslash, u, four hex digits) for control characters, JS number formatting, and {@link Instant}s as
 * {@code Date.prototype.toISOString()} ({@code YYYY-MM-DDTHH:mm:ss.sssZ}). Values are {@code Map}s (use an ordered
 * one), {@code List}s, strings, booleans, numbers, instants and {@code null}.
 *
 * <p>The reading side is here too, so that a value read and written back comes out as JavaScript would write it:
 * {@link #safeParsed} is a parsed value as Better Auth's {@code safeJSONParse} leaves it, {@link #numberValue} a JSON
 * number as JavaScript holds it, {@link #toNumber} JavaScript's {@code Number(string)}.
 */
public final class JsJson {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long YEAR_10000 = 253_402_300_800L;

    /** ECMAScript's StrDecimalLiteral without {@code Infinity} (handled apart): what {@code Number(s)} reads. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    /** {@code 0x…}, {@code 0o…}, {@code 0b…}: unsigned, as {@code Number(s)} reads them. */
    private static final Pattern NON_DECIMAL = Pattern.compile("0(?:[xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)");

    private JsJson() {
    }

    public static String stringify(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString();
    }

    /** {@code new Date(instant).toISOString()}. */
    public static String isoDate(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            return ISO.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }
        // Years 1970-9999 by hand: the formatter was a tenth of a cache-path get-session's own work.
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(c, 0, 4, t.getYear());
        digits(c, 5, 2, t.getMonthValue());
        digits(c, 8, 2, t.getDayOfMonth());
        digits(c, 11, 2, t.getHour());
        digits(c, 14, 2, t.getMinute());
        digits(c, 17, 2, t.getSecond());
        digits(c, 20, 3, instant.getNano() / 1_000_000);
        return new String(c);
    }

    private static void digits(char[] into, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Instant i) {
            string(out, isoDate(i));
        } else if (value instanceof Double || value instanceof Float) {
            out.append(number(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            out.append(n.longValue());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() == Undefined.INSTANCE) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                write(out, it.next());
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    /**
     * A parsed JSON value as Better Auth's {@code safeJSONParse} ({@code @better-auth/core/utils/json}) leaves it, in
     * the Java types {@link #stringify} writes back the same: objects as ordered maps, arrays as lists, numbers as
     * {@link #numberValue}, and every string that Better Auth's date reviver turns into a {@code Date}
     * ({@link JsDates#revive}) as an {@link Instant}, whatever member it is in. So a value read and written back is
     * what Better Auth writes back after reading it: a revived date in {@code toISOString()} form.
     */
    public static Object safeParsed(JsonValue v) {
        switch (v.getValueType()) {
            case NULL:
                return null;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case NUMBER:
                return numberValue((JsonNumber) v);
            case STRING:
                String s = ((JsonString) v).getString();
                return JsDates.revive(s).<Object>map(d -> d).orElse(s);
            case ARRAY:
                List<Object> list = new ArrayList<>();
                v.asJsonArray().forEach(x -> list.add(safeParsed(x)));
                return list;
            default:
                Map<String, Object> map = new LinkedHashMap<>();
                v.asJsonObject().forEach((k, x) -> map.put(k, safeParsed(x)));
                return map;
        }
    }

    /** {@link #safeParsed} of an object: its members, in their order. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> safeParsed(JsonObject o) {
        return (Map<String, Object>) safeParsed((JsonValue) o);
    }

    /**
     * A JSON number as JavaScript holds it, in the Java type {@link #stringify} writes back the same: a {@code Long}
     * for an integer that fits (exactly as written when the text is an integer, else the double's value, so
     * {@code 1.0} and {@code 1e2} read as 1 and 100 as in JavaScript), a {@code Double} otherwise, {@code null} for a
     * value beyond the double range ({@code JSON.stringify(Infinity)} is {@code null}). {@code JsonNumber.longValue()}
     * keeps only the low 64 bits, so 1e20 would become 7766279631452241920.
     */
    public static Object numberValue(JsonNumber n) {
        return numberValue(n.bigDecimalValue());
    }

    /** {@link #numberValue(JsonNumber)} of a decimal (a database's numeric column, say); scale 0 is integer text. */
    public static Object numberValue(BigDecimal n) {
        if (n.scale() == 0) { // integer text (JSON-P's isIntegral)
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                // outside the long range: a double, as in JavaScript
            }
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            return null;
        }
        return d == Math.rint(d) && Math.abs(d) < 0x1p63 ? (Object) (long) d : (Object) d;
    }

    /**
     * JavaScript's {@code Number(s)} (ECMAScript StringToNumber): surrounding white space (JavaScript's) ignored, the empty string
     * is 0, decimal literals with an optional sign, fraction and exponent, unsigned {@code 0x}/{@code 0o}/{@code 0b}
     * integers, {@code Infinity} with an optional sign; anything else is {@code NaN} (so are Java's own forms that
     * {@code Double.parseDouble} accepts: {@code 1d}, {@code NaN}, hexadecimal floats). {@code null} is
     * {@code Number(null)}, 0.
     */
    public static double toNumber(String s) {
        if (s == null) {
            return 0;
        }
        int from = 0;
        int to = s.length();
        while (from < to && jsWhiteSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && jsWhiteSpace(s.charAt(to - 1))) {
            to--;
        }
        String t = s.substring(from, to);
        if (t.isEmpty()) {
            return 0;
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        if (NON_DECIMAL.matcher(t).matches()) {
            int radix = switch (Character.toLowerCase(t.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            return new java.math.BigInteger(t.substring(2), radix).doubleValue();
        }
        return switch (t) {
            case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    /** ECMAScript's StrWhiteSpaceChar: white space and line terminators, which {@code Number(s)} ignores around. */
    private static boolean jsWhiteSpace(char c) {
        return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0xFEFF || c == 0x2028
                || c == 0x2029 || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** A map value that is left out, like a JavaScript {@code undefined} member. */
    public enum Undefined { INSTANCE }

    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return d == 0 ? "0" : new BigDecimal(d).toPlainString();
        }
        double abs = Math.abs(d);
        if (abs >= 1e21 || abs < 1e-6) {
            String s = Double.toString(d).replace(".0E", "E");
            int e = s.indexOf('E');
            String exponent = s.substring(e + 1);
            return s.substring(0, e) + "e" + (exponent.startsWith("-") ? exponent : "+" + exponent);
        }
        return new BigDecimal(Double.toString(d)).toPlainString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        if (plain(s)) {
            // Nothing to escape (ids, tokens, e-mails, dates): the string as it is, in one append.
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !wellFormedPair(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)) {
                        out.append(c).append(s.charAt(++i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether {@code s} has nothing {@link #string} escapes or pairs up: no control, quote, backslash or surrogate. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean wellFormedPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
