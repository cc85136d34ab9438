package io.betterauth.jakarta.api;

import java.util.List;

/**
 * A typed answer of the server-side API with the {@code Set-Cookie} lines the HTTP response must carry (a
 * refreshed or replaced session cookie, or the deletion of every session cookie).
 */
public record ApiResult<T>(T value, List<String> setCookies) {

    public ApiResult {
        setCookies = List.copyOf(setCookies);
    }
}
