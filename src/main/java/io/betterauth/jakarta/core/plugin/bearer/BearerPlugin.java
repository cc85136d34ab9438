package io.betterauth.jakarta.core.plugin.bearer;

import io.betterauth.jakarta.config.plugin.BearerOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.cookie.SetCookieLines;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.plugin.Exchange;
import io.betterauth.jakarta.core.plugin.ExposedHeader;
import io.betterauth.jakarta.core.plugin.RequestHook;
import io.betterauth.jakarta.core.plugin.ResponseHook;
import java.util.Optional;
import java.util.function.Function;

/**
 * Better Auth's {@code bearer} plugin. Before: a bearer token whose signature holds takes the place of the
 * {@code session_token} cookie (a valid bearer wins over a cookie; an invalid one changes nothing, so the cookie still
 * counts). After: a response setting a live {@code session_token} carries its signed value, percent-decoded, in
 * {@code set-auth-token}.
 *
 * <p>Better Auth checks the bearer signature with the current secret only; here it is the session cookie's check,
 * which also accepts the older secrets of {@code better-auth.secrets} and re-issues the cookie (and so a new
 * {@code set-auth-token}) signed with the current one: the README's documented difference for cookies, unchanged.
 */
public final class BearerPlugin implements RequestHook, ResponseHook {

    public static final String SET_AUTH_TOKEN = "set-auth-token";

    private final BearerOptions options;
    private final SessionCookies cookies;

    public BearerPlugin(BearerOptions options, SessionCookies cookies) {
        this.options = options;
        this.cookies = cookies;
    }

    @Override
    public RequestCookies cookies(RequestCookies sent, Function<String, String> header) {
        Optional<String> signed = BearerToken.signedValue(header.apply("Authorization"), options.requireSignature(),
                cookies::sign);
        if (signed.isEmpty() || cookies.verify(signed.get()).isEmpty()) {
            return sent;
        }
        return sent.with(cookies.sessionTokenName(), signed.get());
    }

    @Override
    public AuthResult after(Exchange exchange, AuthResult result) {
        return SetCookieLines.liveValue(result.setCookies(), cookies.sessionTokenName())
                .map(value -> ExposedHeader.add(result, SET_AUTH_TOKEN, value))
                .orElse(result);
    }
}
