package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.core.js.JsJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an endpoint answers, independent of the HTTP API that sends it: status, JSON body (already serialised as
 * JavaScript would), {@code Set-Cookie} lines in order (each its own header) and any other headers, in order; a
 * header here replaces one of the same name the cookie rule ({@code ResponseCookies}) wrote.
 *
 * <p>{@code session} is never sent: it is the session the endpoint resolved, as its JSON shows it ({@code returned:
 * false} fields left out), for the plugins' after-hooks that need it whatever the body's shape (Better Auth's
 * {@code ctx.context.session}: the {@code jwt} plugin's {@code set-auth-jwt} on {@code /get-session}, where a
 * {@code SessionCustomizer} may have changed the body); null when there is none or the endpoint does not say.
 */
public record AuthResult(int status, String json, List<String> setCookies, Map<String, String> headers,
        SessionAndUser session) {

    public AuthResult {
        setCookies = List.copyOf(setCookies);
        headers = headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** An answer that names no session. */
    public AuthResult(int status, String json, List<String> setCookies, Map<String, String> headers) {
        this(status, json, setCookies, headers, null);
    }

    /** The same answer naming the session the endpoint resolved (null: none). */
    public AuthResult withSession(SessionAndUser resolved) {
        return new AuthResult(status, json, setCookies, headers, resolved);
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

    /** The same answer with these headers too (replacing any of the same name). */
    public AuthResult withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new AuthResult(status, json, setCookies, all, session);
    }

    /** The same answer with these {@code Set-Cookie} lines instead. */
    public AuthResult withSetCookies(List<String> lines) {
        return new AuthResult(status, json, lines, headers, session);
    }

    /** The same answer without its cookies (they went out another way). */
    public AuthResult withoutCookies() {
        return new AuthResult(status, json, List.of(), headers, session);
    }
}
