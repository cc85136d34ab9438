package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Better Auth errors as {@code {"message","code"}} with their status (and any cookies they clear). Annotated
 * {@code @Provider} so an app's own JAX-RS application also answers {@link io.betterauth.jakarta.api.RequireSession}
 * failures this way; it maps only this library's exception, so it cannot change how the app's errors look.
 */
@jakarta.ws.rs.ext.Provider
public class AuthExceptionMapper implements ExceptionMapper<AuthException> {

    @Override
    public Response toResponse(AuthException e) {
        return HttpAuthResponses.of(e);
    }

    static Response unavailable(StoreUnavailableException e) {
        return HttpAuthResponses.of(new AuthException(ErrorCode.SERVICE_UNAVAILABLE));
    }
}
