package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.core.js.JsJson;
import java.util.List;
import java.util.Map;

/**
 * What an endpoint answers, independent of the HTTP API that sends it: status, JSON body (already serialised as
 * JavaScript would), {@code Set-Cookie} lines in order (each its own header) and any other headers.
 */
public record AuthResult(int status, String json, List<String> setCookies, Map<String, String> headers) {

    public AuthResult {
        setCookies = List.copyOf(setCookies);
        headers = Map.copyOf(headers);
    }

    /** An error as Better Auth answers it: its status, {@code {"message","code"}} (or no body), cookies and headers. */
    public static AuthResult of(AuthException error) {
        Map<String, Object> body = error.body();
        return new AuthResult(error.status(), body.isEmpty() ? "" : JsJson.stringify(body), error.setCookies(),
                error.headers());
    }

    public static AuthResult ok(String json, List<String> setCookies) {
        return new AuthResult(200, json, setCookies, Map.of());
    }
}
