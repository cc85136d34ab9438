package io.betterauth.jakarta.core.plugin.jwt;

import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.plugin.Exchange;
import io.betterauth.jakarta.core.plugin.ExposedHeader;
import io.betterauth.jakarta.core.plugin.ResponseHook;
import java.util.List;
import java.util.Map;

/**
 * The {@code jwt} plugin's after-hook: an answer of {@code /get-session} that resolved a session carries that
 * session's access token in {@code set-auth-jwt}, listed in {@code Access-Control-Expose-Headers}
 * ({@code disableSettingJwtHeader} turns it off). The session is the one the endpoint names on its answer
 * ({@link AuthResult#session()}), not read from the body, which a {@code SessionCustomizer} may have reshaped.
 */
public final class JwtPlugin implements ResponseHook {

    /** The header that carries the JWT. */
    public static final String SET_AUTH_JWT = "set-auth-jwt";

    private final JwtEndpoints endpoints;
    private final boolean disabled;

    public JwtPlugin(JwtEndpoints endpoints, boolean disableSettingJwtHeader) {
        this.endpoints = endpoints;
        this.disabled = disableSettingJwtHeader;
    }

    @Override
    public AuthResult after(Exchange exchange, AuthResult result) {
        if (disabled || !"/get-session".equals(exchange.path()) || result.session() == null) {
            return result;
        }
        return endpoints.sign(result.session())
                .map(jwt -> ExposedHeader.add(result, SET_AUTH_JWT, jwt))
                // Better Auth's hook throws: the answer becomes a 500.
                .orElseGet(() -> new AuthResult(500, "", List.of(), Map.of()));
    }
}
