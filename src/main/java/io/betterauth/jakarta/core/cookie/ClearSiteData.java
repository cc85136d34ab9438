package io.betterauth.jakarta.core.cookie;

import io.betterauth.jakarta.config.BetterAuthConfig;
import java.util.Map;

/**
 * Ours ({@code better-auth.advanced.clear-site-data}, checklist T-20): the {@code Clear-Site-Data} header that
 * sign-out, revoke-sessions and delete-user send so the browser also drops cached pages and script-side storage. Better Auth
 * sends no such header, so it is off by default.
 */
public final class ClearSiteData {

    public static final String HEADER = "Clear-Site-Data";
    public static final String VALUE = "\"cache\", \"cookies\", \"storage\"";

    private ClearSiteData() {
    }

    /** The extra headers of a response that ends the caller's session(s): the header when configured, else none. */
    public static Map<String, String> headers(BetterAuthConfig config) {
        return config.advanced().clearSiteData() ? Map.of(HEADER, VALUE) : Map.of();
    }
}
