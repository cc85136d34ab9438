package io.betterauth.jakarta.web.tomcat;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;

/**
 * {@code @Inject SecurityContext} on Tomcat: the caller and roles the container holds for this request
 * ({@code getUserPrincipal()}, {@code isUserInRole()}), which Tomcat's Jakarta Authentication sets from the
 * library's mechanism. Soteria's own {@code SecurityContext} asks Jakarta Authorization (JACC) instead, which
 * Tomcat does not have. Active only in a Tomcat application with Soteria ({@link TomcatSecurityExtension} removes it
 * everywhere else); an application's own {@code SecurityContext} alternative of higher priority still wins.
 *
 * <p>{@link #hasAccessToWebResource} needs JACC and is not supported here.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
@Typed(SecurityContext.class)
public class ServletSecurityContext implements SecurityContext {

    private static final String SOTERIA_SECURITY_CONTEXT = "org.glassfish.soteria.SecurityContextImpl";

    @Inject
    HttpServletRequest request;
    @Inject
    BeanManager beanManager;

    @Override
    public Principal getCallerPrincipal() {
        return request.getUserPrincipal();
    }

    @Override
    public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
        Principal caller = getCallerPrincipal();
        return caller != null && type.isInstance(caller) ? Set.of(type.cast(caller)) : Set.of();
    }

    @Override
    public boolean isCallerInRole(String role) {
        return request.getUserPrincipal() != null && request.isUserInRole(role);
    }

    @Override
    public boolean hasAccessToWebResource(String resource, String... methods) {
        throw new UnsupportedOperationException("SecurityContext.hasAccessToWebResource needs Jakarta Authorization "
                + "(JACC), which Tomcat does not have");
    }

    /** Soteria's programmatic authentication (it needs no JACC); plain {@code request.authenticate} without it. */
    @Override
    public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                             AuthenticationParameters parameters) {
        SecurityContext soteria = soteria();
        if (soteria != null) {
            return soteria.authenticate(request, response, parameters);
        }
        try {
            return request.authenticate(response) ? AuthenticationStatus.SUCCESS : AuthenticationStatus.SEND_FAILURE;
        } catch (ServletException | IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private SecurityContext soteria() {
        try {
            Class<?> type = Class.forName(SOTERIA_SECURITY_CONTEXT, false, ServletSecurityContext.class.getClassLoader());
            Bean<?> bean = beanManager.resolve(beanManager.getBeans(type));
            return bean == null ? null
                    : (SecurityContext) beanManager.getReference(bean, type, beanManager.createCreationalContext(bean));
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
