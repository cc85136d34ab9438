package io.betterauth.jakarta.core.security;

import java.util.Locale;
import java.util.function.Function;

/**
 * Tells a browser navigating to a page (which a login page helps) from a script or API client (which needs Better
 * Auth's JSON 401): a {@code GET} or {@code HEAD} without {@code X-Requested-With}, and either
 * {@code Sec-Fetch-Mode: navigate} (with {@code Sec-Fetch-Dest: document} when the browser sends a destination) or,
 * from a browser without Fetch Metadata, an {@code Accept} that names {@code text/html}. {@code fetch()} and
 * {@code XMLHttpRequest} send {@code Sec-Fetch-Mode: cors} or {@code same-origin}; an {@code Accept} of only "any type" is not a page.
 */
public final class BrowserNavigation {

    private BrowserNavigation() {
    }

    /**
     * @param method the request's method
     * @param header request header lookup (case-insensitive), null when absent
     */
    public static boolean matches(String method, Function<String, String> header) {
        if (!"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
            return false;
        }
        if (header.apply("x-requested-with") != null) {
            return false;
        }
        String mode = header.apply("sec-fetch-mode");
        String dest = header.apply("sec-fetch-dest");
        if (mode != null || dest != null || header.apply("sec-fetch-site") != null) {
            return "navigate".equalsIgnoreCase(trim(mode)) && (dest == null || "document".equalsIgnoreCase(trim(dest)));
        }
        String accept = header.apply("accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
