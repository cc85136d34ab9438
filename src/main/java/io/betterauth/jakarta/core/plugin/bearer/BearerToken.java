package io.betterauth.jakarta.core.plugin.bearer;

import io.betterauth.jakarta.core.js.UriComponent;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The token of an {@code Authorization} header as Better Auth's bearer plugin reads it, before its signature is
 * checked: the scheme is {@code bearer } in any case; the rest, trimmed, is a signed value ({@code <token>.<sig>},
 * percent-decoded when it contains {@code %}) or, unless signatures are required, a raw session token, which the
 * plugin signs itself. What it returns is what the plugin puts in the {@code session_token} cookie; whether its
 * signature holds is the session cookie's check.
 */
public final class BearerToken {

    /** Better Auth's scheme test: the first seven characters, lower-cased. */
    private static final String SCHEME = "bearer ";
    /**
     * Ours: a longer header is no token (a session token and its signature are 77 characters; percent-encoded, 81).
     * Bounds the work a client can ask for: no decoding or HMAC of a megabyte header.
     */
    static final int MAX_LENGTH = 4096;

    private BearerToken() {
    }

    /**
     * The signed value the header presents, or empty when it presents none: no header, another scheme, an empty
     * token, a raw token while {@code requireSignature}, or a header over {@value #MAX_LENGTH} characters.
     *
     * @param authorization    the {@code Authorization} header, or null
     * @param requireSignature the plugin's {@code requireSignature}
     * @param sign             signs a raw token with the current secret ({@code <token>.<signature>})
     */
    public static Optional<String> signedValue(String authorization, boolean requireSignature,
                                               UnaryOperator<String> sign) {
        if (authorization == null || authorization.length() < SCHEME.length()
                || authorization.length() > MAX_LENGTH
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        String token = authorization.substring(SCHEME.length()).strip();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        if (token.indexOf('.') >= 0) {
            return Optional.of(token.indexOf('%') >= 0 ? UriComponent.decode(token).orElse(token) : token);
        }
        return requireSignature ? Optional.empty() : Optional.of(sign.apply(token));
    }
}
