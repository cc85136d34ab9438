package io.betterauth.jakarta.core.js;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Better Auth's date reviver ({@code reviveDate} in {@code @better-auth/core/utils/json}): a string that matches
 * {@code ^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$} and that V8's {@code new Date(s)} accepts becomes a date;
 * anything else stays a string. V8's acceptance is reproduced because it decides whether a cached field is a date or
 * a string, and so whether the cache passes the schema: the day may overflow into the next month (February 30 is
 * March 2) but not exceed 31, {@code 24:00:00} means the next midnight, and fraction digits after the third are
 * ignored.
 *
 * <p>A second rule follows the reviver where Better Auth reads a stored date member: {@link #newDate}, JavaScript's
 * {@code new Date(value)} of the parsed value.
 */
public final class JsDates {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?Z");
    /** {@code Date.toISOString()} for years 0000-9999, a 0 for each digit. */
    private static final String TO_ISO_STRING = "0000-00-00T00:00:00.000Z";

    private JsDates() {
    }

    public static Optional<Instant> revive(String s) {
        // Most strings (ids, names, e-mails) fail here, before the pattern: every cached string is checked.
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(10) != 'T' || s.charAt(n - 1) != 'Z') {
            return Optional.empty();
        }
        return isToIsoString(s) ? toIsoString(s) : general(s);
    }

    /**
     * Whether {@code s} has {@code Date.toISOString()}'s form,
     * {@code yyyy-MM-ddTHH:mm:ss.SSSZ}: what Better Auth writes.
     */
    private static boolean isToIsoString(String s) {
        if (s.length() != TO_ISO_STRING.length()) {
            return false;
        }
        for (int i = 0; i < TO_ISO_STRING.length(); i++) {
            char shape = TO_ISO_STRING.charAt(i);
            char c = s.charAt(i);
            // ASCII digits only, as the pattern's \d: Character.isDigit would take other scripts' digits.
            if (shape == '0' ? c < '0' || c > '9' : c != shape) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #general} of a string in {@code Date.toISOString()}'s form ({@link #isToIsoString}), by hand: the
     * pattern and its groups were most of the cost of reading a stored session's five dates. The same rules (day
     * overflow, 24:00).
     */
    private static Optional<Instant> toIsoString(String s) {
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        int millis = number(s, 20, 3);
        if (month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || second > 59
                || hour > 24 || hour == 24 && (minute != 0 || second != 0 || millis != 0)) {
            return Optional.empty();
        }
        // The first of the month plus the day, so that an overflowing day moves into the next month, as in V8.
        long epochDay = LocalDate.of(year, month, 1).toEpochDay() + day - 1;
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second;
        return Optional.of(Instant.ofEpochSecond(seconds, millis * 1_000_000L));
    }

    private static int number(String s, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    /** {@link #revive} of any string, through the reviver's pattern. */
    static Optional<Instant> general(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = Integer.parseInt(m.group(6));
        String fraction = m.group(7) == null ? "" : m.group(7);
        boolean fractionZero = fraction.chars().allMatch(c -> c == '0');
        if (month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || second > 59
                || hour > 24 || hour == 24 && (minute != 0 || second != 0 || !fractionZero)) {
            return Optional.empty();
        }
        int millis = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00").substring(0, 3));
        long epochDay = LocalDate.of(year, month, 1).plusDays(day - 1L).toEpochDay();
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second;
        return Optional.of(Instant.ofEpochSecond(seconds, millis * 1_000_000L));
    }

    /** The largest time value a JavaScript {@code Date} holds, in milliseconds either side of the epoch. */
    private static final double MAX_TIME = 8.64e15;

    /**
     * {@code new Date(value)} of a member as {@link JsJson#safeParsed} gives it, which is how Better Auth 1.7.25 reads
     * the dates of a secondary-storage value ({@code new Date(s.session.expiresAt)} after {@code safeJSONParse}):
     * a revived date is itself; a number is milliseconds since the epoch, its fraction dropped (ECMAScript's
     * TimeClip), and no date beyond ±8.64e15 or when not finite. Empty where JavaScript's answer is an Invalid Date,
     * and also for a string: one the reviver left alone is either an ISO form V8 rejects (Invalid Date there too) or
     * another format only V8's implementation-specific fallback parser reads, which is not reproduced here.
     */
    public static Optional<Instant> newDate(Object value) {
        if (value instanceof Instant i) {
            return Optional.of(i);
        }
        if (value instanceof Number n) {
            double t = n.doubleValue();
            if (Double.isFinite(t) && Math.abs(t) <= MAX_TIME) {
                return Optional.of(Instant.ofEpochMilli(value instanceof Long l ? l : (long) t));
            }
        }
        return Optional.empty();
    }

    /** Whether Better Auth would turn this string into a date (and so reject it where a string is expected). */
    public static boolean isRevived(String s) {
        return revive(s).isPresent();
    }
}
