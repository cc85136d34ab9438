package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Anything unexpected still answers in Better Auth's shape: a store outage is 503 {@code SERVICE_UNAVAILABLE}
 * (so clients keep their state and retry); a bug is logged and answered 500 without details.
 */
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof StoreUnavailableException s) {
                LOG.log(Level.WARNING, "Store unavailable: " + s.getMessage());
                return AuthExceptionMapper.unavailable(s);
            }
            if (t instanceof AuthException a) {
                return HttpAuthResponses.of(a);
            }
            t = t.getCause();
        }
        LOG.log(Level.ERROR, "Unexpected error in a Better Auth endpoint", e);
        return HttpAuthResponses.of(new AuthException(ErrorCode.INTERNAL_SERVER_ERROR));
    }
}
