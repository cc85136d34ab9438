package io.betterauth.jakarta.api;

/**
 * How one request asks for its session.
 *
 * @param post               a {@code POST /get-session} (the deferred-refresh write)
 * @param disableRefresh     never slide the expiry on this request ({@code ?disableRefresh})
 * @param disableCookieCache read the store even when a cache cookie is present ({@code ?disableCookieCache})
 */
public record GetSessionOptions(boolean post, boolean disableRefresh, boolean disableCookieCache) {

    public static final GetSessionOptions DEFAULT = new GetSessionOptions(false, false, false);

    /**
     * Better Auth's query booleans are {@code z.coerce.boolean()}: any non-empty value, even {@code "false"},
     * means true; an absent or empty value means false.
     */
    public static boolean queryBoolean(String value) {
        return value != null && !value.isEmpty();
    }
}
