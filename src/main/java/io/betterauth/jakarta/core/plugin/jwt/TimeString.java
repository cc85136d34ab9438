package io.betterauth.jakarta.core.plugin.jwt;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Better Auth's time strings ({@code utils/time.mjs}: {@code "15m"}, {@code "1 hour"}, {@code "2 days ago"}) as
 * {@code sec()} reads them: the same pattern and units (a month is 30 days, a year 365.25 days), rounded to whole
 * seconds as JavaScript's {@code Math.round} does; {@code "ago"} negates only in lower case, as its
 * {@code === "ago"} does. Hand-written so that {@code jwt.expirationTime} means what it
 * means to Better Auth.
 */
public final class TimeString {

    private static final Pattern FORMAT = Pattern.compile("^([+\\-])? ?(\\d+|\\d+\\.\\d+) ?(seconds?|secs?|s|minutes?|mins?"
            + "|m|hours?|hrs?|h|days?|d|weeks?|w|months?|mo|years?|yrs?|y)(?: (ago|from now))?\\z",
            Pattern.CASE_INSENSITIVE);
    private static final double SEC = 1000;
    private static final double MIN = SEC * 60;
    private static final double HOUR = MIN * 60;
    private static final double DAY = HOUR * 24;

    private TimeString() {
    }

    /**
     * The seconds a time string denotes ({@code sec}).
     *
     * @throws IllegalArgumentException with Better Auth's message for anything else (a bare number included)
     */
    public static long seconds(String value) {
        Matcher m = value == null || value.length() > 64 ? null : FORMAT.matcher(value);
        if (m == null || !m.matches() || m.group(4) != null && m.group(1) != null) {
            throw new IllegalArgumentException("Invalid time string format: \"" + (value == null ? "" : value.length()
                    > 64 ? value.substring(0, 64) + "…" : value) + "\". Use formats like \"7d\", \"30m\", \"1 hour\", etc.");
        }
        double n = Double.parseDouble(m.group(2));
        double ms = n * switch (m.group(3).toLowerCase(Locale.ROOT)) {
            case "years", "year", "yrs", "yr", "y" -> DAY * 365.25;
            case "months", "month", "mo" -> DAY * 30;
            case "weeks", "week", "w" -> DAY * 7;
            case "days", "day", "d" -> DAY;
            case "hours", "hour", "hrs", "hr", "h" -> HOUR;
            case "minutes", "minute", "mins", "min", "m" -> MIN;
            default -> SEC;
        };
        if ("-".equals(m.group(1)) || "ago".equals(m.group(4))) {
            ms = -ms;
        }
        return Math.round(ms / 1000);
    }
}
