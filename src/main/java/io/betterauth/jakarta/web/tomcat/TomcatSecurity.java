package io.betterauth.jakarta.web.tomcat;

import io.betterauth.jakarta.web.BetterAuthMechanism;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * What Jakarta Security (Soteria) needs on Tomcat and cannot do by itself, done only there: Tomcat plus Soteria in
 * the application, recognised by Tomcat's web-application class loader. On Payara, WildFly and other full
 * containers none of this runs.
 *
 * <ul>
 * <li>Soteria's {@code SamRegistrationInstaller} is a {@code ServletContainerInitializer}; when it runs before
 * Weld's (initializers run in JAR order) it finds no CDI and silently registers nothing, so the library's
 * {@link BetterAuthMechanism} would never be called. {@link #registerMechanism} runs it again once CDI is up.</li>
 * <li>Soteria's {@code SecurityContext} asks Jakarta Authorization (JACC) for the caller, which Tomcat does not
 * have; {@link ServletSecurityContext} replaces it there (see {@link TomcatSecurityExtension}).</li>
 * </ul>
 */
public final class TomcatSecurity {

    private static final Logger LOG = System.getLogger(TomcatSecurity.class.getName());
    private static final String TOMCAT_WEBAPP_LOADER = "org.apache.catalina.loader.WebappClassLoaderBase";
    private static final String SOTERIA_INSTALLER = "org.glassfish.soteria.servlet.SamRegistrationInstaller";
    private static final String SERVLET_LAYER = "HttpServlet";

    private TomcatSecurity() {
    }

    /** True in a Tomcat web application that bundles Soteria: where the two fixes apply. */
    static boolean applies() {
        ClassLoader loader = loader();
        return loader != null && isTomcatWebappLoader(loader) && present(SOTERIA_INSTALLER, loader);
    }

    /**
     * Registers Soteria's bridge to the application's authentication mechanism with Tomcat's Jakarta
     * Authentication, unless it is registered already (Soteria ran after Weld) or this is not Tomcat. Call from a
     * listener, when CDI is up.
     *
     * @return the installer, whose {@code contextDestroyed} removes the registration when the application stops
     */
    public static Optional<ServletContextListener> registerMechanism(ServletContext context) {
        if (!applies() || registered(context)) {
            return Optional.empty();
        }
        ServletContainerInitializer installer;
        try {
            installer = (ServletContainerInitializer) Class.forName(SOTERIA_INSTALLER, true, loader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            LOG.log(Level.WARNING, "Could not load Soteria's " + SOTERIA_INSTALLER, e);
            return Optional.empty();
        }
        try {
            installer.onStartup(null, context);
        } catch (IllegalArgumentException | IllegalStateException expected) {
            // Its last step, addListener(this), is refused outside a ServletContainerInitializer; the registration
            // is done by then, and the caller forwards contextDestroyed instead.
        } catch (jakarta.servlet.ServletException e) {
            LOG.log(Level.WARNING, "Soteria could not register the authentication mechanism", e);
            return Optional.empty();
        }
        if (!registered(context)) {
            LOG.log(Level.WARNING, "Better Auth's authentication mechanism is not registered with Tomcat: Soteria "
                    + "found no CDI BeanManager in JNDI. Add META-INF/context.xml with <Resource name=\"BeanManager\" "
                    + "auth=\"Container\" type=\"jakarta.enterprise.inject.spi.BeanManager\" "
                    + "factory=\"org.jboss.weld.resources.ManagerObjectFactory\"/> (Weld's Tomcat setup)");
            return Optional.empty();
        }
        LOG.log(Level.INFO, "Registered Soteria's authentication mechanism bridge for " + context.getContextPath()
                + " (Tomcat)");
        return Optional.of((ServletContextListener) installer);
    }

    private static boolean registered(ServletContext context) {
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        return AuthConfigFactory.getFactory().getConfigProvider(SERVLET_LAYER, appContext, null) != null;
    }

    private static ClassLoader loader() {
        ClassLoader own = TomcatSecurity.class.getClassLoader();
        return own != null ? own : Thread.currentThread().getContextClassLoader();
    }

    private static boolean isTomcatWebappLoader(ClassLoader loader) {
        for (Class<?> c = loader.getClass(); c != null; c = c.getSuperclass()) {
            if (TOMCAT_WEBAPP_LOADER.equals(c.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
