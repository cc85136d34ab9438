package io.betterauth.jakarta.core.cookie;

import io.betterauth.jakarta.core.js.UriComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request's {@code Cookie} header parsed as better-call's {@code parseCookies} does: split on {@code ;},
 * the <em>first</em> occurrence of a name wins, one pair of surrounding quotes is stripped, and a value is
 * URL-decoded only when it contains {@code %} (keeping the raw value when decoding fails).
 */
public final class RequestCookies {

    private static final RequestCookies EMPTY = new RequestCookies(Map.of());
    private final Map<String, String> values;

    private RequestCookies(Map<String, String> values) {
        this.values = values;
    }

    public static RequestCookies empty() {
        return EMPTY;
    }

    public static RequestCookies parse(String header) {
        if (header == null || header.isBlank()) {
            return EMPTY;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).trim();
            if (name.isEmpty() || values.containsKey(name)) {
                continue;
            }
            String value = part.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            String raw = value;
            values.put(name, UriComponent.decode(value).orElse(raw));
        }
        return new RequestCookies(Collections.unmodifiableMap(values));
    }

    /**
     * These cookies with {@code name} set to {@code value} (replacing it in place, or added last), as Better Auth's
     * {@code setRequestCookie} rewrites a request's {@code Cookie} header.
     */
    public RequestCookies with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(name, value);
        return new RequestCookies(Collections.unmodifiableMap(changed));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Every cookie name, in the order the client sent them (first occurrences only). */
    public Iterable<String> names() {
        return values.keySet();
    }
}
