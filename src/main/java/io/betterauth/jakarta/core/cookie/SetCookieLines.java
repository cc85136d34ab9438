package io.betterauth.jakarta.core.cookie;

import io.betterauth.jakarta.core.js.UriComponent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A response's {@code Set-Cookie} lines read back as Better Auth's after-hooks read them
 * ({@code parseSetCookieHeader}): by cookie name, the last line of a name winning, the value percent-decoded when it
 * contains {@code %} (kept as it is when that fails), {@code Max-Age} parsed from its attribute in any case.
 */
public final class SetCookieLines {

    private SetCookieLines() {
    }

    /**
     * The value the lines give this cookie, when they set it alive: empty when no line names it, or the last one
     * that does has an empty value or {@code Max-Age=0} (a deletion).
     */
    public static Optional<String> liveValue(List<String> setCookies, String name) {
        String last = null;
        for (String line : setCookies) {
            if (line.startsWith(name + "=")) {
                last = line;
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        String[] parts = last.split(";");
        String value = parts[0].substring(name.length() + 1).trim();
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            int eq = attribute.indexOf('=');
            if (eq > 0 && attribute.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("max-age")
                    && attribute.substring(eq + 1).trim().equals("0")) {
                return Optional.empty();
            }
        }
        String decoded = value.indexOf('%') >= 0 ? UriComponent.decode(value).orElse(value) : value;
        return decoded.isEmpty() ? Optional.empty() : Optional.of(decoded);
    }
}
