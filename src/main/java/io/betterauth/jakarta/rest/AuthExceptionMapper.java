package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.core.AuthException;
import io.betterauth.jakarta.core.ErrorCode;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Better Auth errors as {@code {"message","code"}} with their status (and any cookies they clear). */
public class AuthExceptionMapper implements ExceptionMapper<AuthException> {

    @Override
    public Response toResponse(AuthException e) {
        return HttpAuthResponses.of(e);
    }

    static Response unavailable(StoreUnavailableException e) {
        return HttpAuthResponses.of(new AuthException(ErrorCode.SERVICE_UNAVAILABLE));
    }
}
