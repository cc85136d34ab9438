package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.core.js.JsJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the store's columns can hold, checked before a client's values reach the store, so that a value the database
 * would refuse is 400 {@code VALIDATION_ERROR} in zod's words instead of an outage (503) or a 500. Strings are
 * limited by Better Auth's DDL for each database (META-INF/better-auth/schema):
 * <ul>
 * <li>{@code name} and {@code email}: at most {@value #VARCHAR_LENGTH} characters where the column is
 * {@code varchar(255)} (both on MariaDB/MySQL, {@code email} on H2); where it is {@code text} (PostgreSQL, H2's
 * {@code name}, the memory and Redis stores) as any other string, so a long name Better Auth stores is stored here
 * too;</li>
 * <li>{@code image} and additional string fields: at most {@value #TEXT_BYTES} bytes in UTF-8 ({@code text} on
 * MariaDB/MySQL);</li>
 * <li>no NUL character (U+0000) anywhere (PostgreSQL's {@code text} refuses it).</li>
 * </ul>
 * Dates (additional date fields) must lie within the range of the database's timestamp column, which differs too
 * much to share one (MariaDB's {@code timestamp}: 1970 to 2038; PostgreSQL's {@code timestamptz}: 4714 BC on) —
 * and within a JavaScript {@code Date}'s, which is all Better Auth and the cookie cache can hold.
 *
 * @param earliest    the earliest date the store holds
 * @param latest      the latest date the store holds
 * @param nameLength  characters of {@code user.name}; {@link #TEXT} for a text column
 * @param emailLength characters of {@code user.email}; {@link #TEXT} for a text column
 */
public record ColumnLimits(Instant earliest, Instant latest, int nameLength, int emailLength) {

    /** Characters of a {@code varchar(255)} column. */
    public static final int VARCHAR_LENGTH = 255;
    /** A text column: at most {@link #TEXT_BYTES} bytes of UTF-8. */
    public static final int TEXT = -1;
    /** UTF-8 bytes of any other string column. */
    public static final int TEXT_BYTES = 65_535;
    /** A JavaScript {@code Date} holds at most this many milliseconds either side of 1970. */
    private static final long JAVASCRIPT_MILLIS = 8_640_000_000_000_000L;
    /** A store without a date column of its own (memory, Redis): the range of a JavaScript {@code Date}. */
    public static final ColumnLimits JAVASCRIPT_DATES = new ColumnLimits(Instant.ofEpochMilli(-JAVASCRIPT_MILLIS),
            Instant.ofEpochMilli(JAVASCRIPT_MILLIS));

    /** A database's date range, with text columns for {@code name} and {@code email}. */
    public ColumnLimits(Instant earliest, Instant latest) {
        this(earliest, latest, TEXT, TEXT);
    }

    /** A database's range, narrowed to a JavaScript {@code Date}'s where that is narrower. */
    public ColumnLimits {
        earliest = earliest.isBefore(Instant.ofEpochMilli(-JAVASCRIPT_MILLIS)) ? Instant.ofEpochMilli(-JAVASCRIPT_MILLIS)
                : earliest;
        latest = latest.isAfter(Instant.ofEpochMilli(JAVASCRIPT_MILLIS)) ? Instant.ofEpochMilli(JAVASCRIPT_MILLIS) : latest;
    }

    /**
     * A user's fields as a client sent them (sign-up, update-user); null members are not checked.
     *
     * @throws AuthException 400 {@code VALIDATION_ERROR} naming every value the store cannot hold
     */
    public void checkUser(String name, String email, String image, Map<String, Object> additional) {
        List<String> problems = new ArrayList<>();
        text("name", name, nameLength, problems);
        text("email", email, emailLength, problems);
        text("image", image, -1, problems);
        additional(additional, problems);
        validate(problems);
    }

    /**
     * Additional fields as a client sent them (update-session).
     *
     * @throws AuthException 400 {@code VALIDATION_ERROR} naming every value the store cannot hold
     */
    public void checkAdditional(Map<String, Object> values) {
        List<String> problems = new ArrayList<>();
        additional(values, problems);
        validate(problems);
    }

    /** Whether a string column can hold the value at all (a lookup by a value that cannot be stored finds nothing). */
    public static boolean storable(String value) {
        return value.indexOf('\0') < 0 && fitsText(value);
    }

    /** The value as a string column holds it: without NUL characters, cut to {@value #TEXT_BYTES} bytes of UTF-8. */
    public static String storableText(String value) {
        if (value == null || storable(value)) {
            return value;
        }
        String text = value.replace("\0", "");
        long bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            bytes += utf8Length(c);
            if (bytes > TEXT_BYTES) {
                return text.substring(0, i);
            }
            i += Character.charCount(c);
        }
        return text;
    }

    private void additional(Map<String, Object> values, List<String> problems) {
        values.forEach((key, value) -> {
            if (value instanceof String s) {
                text(key, s, -1, problems);
            } else if (value instanceof Instant date) {
                if (date.isBefore(earliest)) {
                    problems.add("[body." + key + "] Too small: expected date to be >=" + JsJson.isoDate(earliest));
                } else if (date.isAfter(latest)) {
                    problems.add("[body." + key + "] Too big: expected date to be <=" + JsJson.isoDate(latest));
                }
            }
        });
    }

    /** NUL, then at most {@code maxCharacters} code points (or, with -1, {@link #TEXT_BYTES} bytes). */
    private static void text(String key, String value, int maxCharacters, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value.indexOf('\0') >= 0) {
            problems.add("[body." + key + "] Invalid string: must not contain the NUL character (U+0000)");
        }
        if (maxCharacters >= 0 && value.length() > maxCharacters
                && value.codePointCount(0, value.length()) > maxCharacters) {
            problems.add("[body." + key + "] Too big: expected string to have <=" + maxCharacters + " characters");
        } else if (maxCharacters < 0 && !fitsText(value)) {
            problems.add("[body." + key + "] Too big: expected string to have <=" + TEXT_BYTES + " bytes (UTF-8)");
        }
    }

    private static boolean fitsText(String value) {
        if (value.length() * 3L <= TEXT_BYTES) {
            return true; // no UTF-16 unit takes more than 3 bytes (a surrogate pair: 4 for 2 units)
        }
        long bytes = 0;
        for (int i = 0; i < value.length() && bytes <= TEXT_BYTES; i++) {
            char c = value.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes <= TEXT_BYTES;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    private static void validate(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AuthException(ErrorCode.VALIDATION_ERROR, String.join("; ", problems));
        }
    }
}
