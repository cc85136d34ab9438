package io.betterauth.jakarta.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answered in Better Auth's shape: a status and {@code {"message","code"}}. Carries the
 * {@code Set-Cookie} lines that must still be sent with it (a refresh that fails clears the cookies) and any other
 * headers (a {@code Retry-After}).
 */
public class AuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final transient List<String> setCookies;
    private final transient Map<String, String> headers;

    public AuthException(ErrorCode code) {
        this(code.status(), code.name(), code.message(), List.of());
    }

    public AuthException(ErrorCode code, String message) {
        this(code.status(), code.name(), message, List.of());
    }

    public AuthException(ErrorCode code, List<String> setCookies) {
        this(code.status(), code.name(), code.message(), setCookies);
    }

    public AuthException(int status, String code, String message, List<String> setCookies) {
        this(status, code, message, setCookies, Map.of());
    }

    public AuthException(int status, String code, String message, List<String> setCookies,
                         Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.setCookies = List.copyOf(setCookies);
        this.headers = Map.copyOf(headers);
    }

    /**
     * An error answered with this status and an empty body, as Better Auth's {@code APIError.fromStatus} without a
     * body (e.g. 404 from a disabled endpoint): the official client then reports only the status.
     */
    public static AuthException withoutBody(int status) {
        return new AuthException(status, null, null, List.of());
    }

    public int status() {
        return status;
    }

    /** Null for the few Better Auth errors that carry only a message. */
    public String code() {
        return code;
    }

    public List<String> setCookies() {
        return setCookies;
    }

    /** Headers to send besides {@code Set-Cookie}, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The JSON body as Better Auth sends it: {@code message} then {@code code}; empty for {@link #withoutBody}. */
    public Map<String, Object> body() {
        if (code == null && getMessage() == null) {
            return Map.of();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", getMessage());
        if (code != null) {
            body.put("code", code);
        }
        return body;
    }
}
