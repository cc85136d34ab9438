package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.core.endpoint.BasePath;
import io.betterauth.jakarta.rest.BetterAuthApplication;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Optional;
import java.util.Set;

/**
 * Mounts the endpoints ({@link BetterAuthApplication}) at {@code better-auth.base-path} while the context starts,
 * the way the JAX-RS specification's {@code web.xml} route does: the container's JAX-RS servlet (Jersey's on Payara
 * and with Tomcat's Jersey bundle, RESTEasy's on WildFly) mapped to {@code <base path>/*}, with the application named
 * in its {@code jakarta.ws.rs.Application} init-parameter. An application that maps {@link BetterAuthApplication}
 * itself (a servlet named after the class, or one whose init-parameter names it) keeps its mapping, which must then
 * be the base path.
 */
final class EndpointsMount {

    static final String SERVLET_NAME = "BetterAuthEndpoints";
    private static final String APPLICATION = BetterAuthApplication.class.getName();
    private static final String APPLICATION_PARAM = "jakarta.ws.rs.Application";
    private static final String JERSEY = "org.glassfish.jersey.servlet.ServletContainer";
    private static final String RESTEASY = "org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher";

    private EndpointsMount() {
    }

    static void register(ServletContext context, BetterAuthConfig config) {
        BasePath base = new BasePath(config.basePath());
        Optional<? extends ServletRegistration> own = mappedByTheApplication(context);
        if (own.isPresent()) {
            if (!own.get().getMappings().contains(base.urlPattern())) {
                throw new ConfigurationException("The application maps " + APPLICATION + " at "
                        + own.get().getMappings() + " but better-auth.base-path is " + base.path() + ": set "
                        + "better-auth.base-path to the mapped path, or remove the mapping and let the library mount "
                        + "the endpoints");
            }
            return;
        }
        String servlet = available(context.getClassLoader(), JERSEY).or(() -> available(context.getClassLoader(), RESTEASY))
                .orElseThrow(() -> new ConfigurationException("Neither Jersey (" + JERSEY + ") nor RESTEasy ("
                        + RESTEASY + ") is available to mount the endpoints: map " + APPLICATION + " at "
                        + base.urlPattern() + " in web.xml with the JAX-RS implementation's servlet"));
        ServletRegistration.Dynamic registration = context.addServlet(SERVLET_NAME, servlet);
        if (registration == null) {
            throw new ConfigurationException("The application already has a servlet named " + SERVLET_NAME
                    + "; the endpoints cannot be mounted at " + base.path());
        }
        registration.setInitParameter(APPLICATION_PARAM, APPLICATION);
        if (RESTEASY.equals(servlet)) {
            // Per servlet: a context-wide prefix WildFly sets for the app's own JAX-RS application must not apply.
            registration.setInitParameter("resteasy.servlet.mapping.prefix", base.path());
        }
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        Set<String> conflicts = registration.addMapping(base.urlPattern());
        if (!conflicts.isEmpty()) {
            throw new ConfigurationException("better-auth.base-path " + base.path() + " is already mapped by the "
                    + "application (" + conflicts + "); set another base path");
        }
    }

    /** The application's own servlet for {@link BetterAuthApplication}, from its {@code web.xml}. */
    private static Optional<? extends ServletRegistration> mappedByTheApplication(ServletContext context) {
        ServletRegistration named = context.getServletRegistration(APPLICATION);
        if (named != null && !named.getMappings().isEmpty()) {
            return Optional.of(named);
        }
        return context.getServletRegistrations().values().stream()
                .filter(r -> APPLICATION.equals(r.getInitParameter(APPLICATION_PARAM)) && !r.getMappings().isEmpty())
                .findFirst();
    }

    private static Optional<String> available(ClassLoader loader, String className) {
        try {
            Class.forName(className, false, loader);
            return Optional.of(className);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
