package io.betterauth.jakarta.rest;

import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The endpoints' JAX-RS application. It has no {@code @ApplicationPath}: the library mounts it at
 * {@code better-auth.base-path} ({@code runtime.EndpointsMount}), or the app maps this class name in its
 * {@code web.xml}. Lists its classes explicitly, so its error mappers apply only here and never to the app's own
 * JAX-RS resources (only {@link AuthExceptionMapper}, which maps the library's own exception, is a {@code @Provider}).
 */
public class BetterAuthApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AuthResource.class, AdminResource.class, OpenApiResource.class, RateLimitFilter.class, AuthExceptionMapper.class,
                WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class);
    }

    /** Jersey would otherwise hand empty error answers to the container, which renders its HTML error page. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
