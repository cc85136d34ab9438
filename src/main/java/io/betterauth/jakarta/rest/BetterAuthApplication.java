package io.betterauth.jakarta.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * Mounts the endpoints at {@code /api/auth} with no declaration from the app. Lists its classes explicitly, so
 * its error mappers apply only here and never to the app's own JAX-RS resources. (The standard way to move it:
 * a {@code servlet-mapping} for this class name in the app's {@code web.xml}.)
 */
@ApplicationPath("/api/auth")
public class BetterAuthApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AuthResource.class, RateLimitFilter.class, AuthExceptionMapper.class, WebApplicationExceptionMapper.class,
                UnexpectedExceptionMapper.class);
    }

    /** Jersey would otherwise hand empty error answers to the container, which renders its HTML error page. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
