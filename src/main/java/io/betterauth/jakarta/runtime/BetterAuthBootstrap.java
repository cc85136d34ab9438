package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.web.RawContentTypeFilter;
import io.betterauth.jakarta.web.SessionsPageServlet;
import io.betterauth.jakarta.web.tomcat.TomcatSecurity;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Registered by {@code web-fragment.xml}: reads the configuration and prepares the stores when the application
 * starts, so a missing secret or a bad value stops the deployment with a clear message instead of failing later.
 * Also mounts the endpoints at the configured base path ({@link EndpointsMount}; here rather than in a
 * {@code ServletContainerInitializer}, so an app-produced configuration moves them too), adds the "active sessions"
 * page ({@link SessionsPageServlet}) unless the configuration switches it off, the endpoints'
 * {@link RawContentTypeFilter}, and
 * on Tomcat makes sure Soteria has registered the authentication mechanism ({@link TomcatSecurity}).
 */
public class BetterAuthBootstrap implements ServletContextListener {

    @Inject
    BetterAuthRuntime runtime;

    /** Soteria's installer when this listener registered the mechanism (Tomcat only); it deregisters it. */
    private ServletContextListener tomcatMechanism;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        MechanismSwitch.refuseContextParameter(event.getServletContext());
        tomcatMechanism = TomcatSecurity.registerMechanism(event.getServletContext()).orElse(null);
        BetterAuthRuntime.Services services = runtime.start(event.getServletContext());
        if (services.verifierMode()) {
            return; // no endpoints, no sessions page: the base path is the application's, and answers its 404
        }
        // Allowed here: this listener is declared in web-fragment.xml, not added programmatically.
        EndpointsMount.register(event.getServletContext(), services.config());
        SessionsPageServlet.register(event.getServletContext(), services.config());
        RawContentTypeFilter.register(event.getServletContext(), services.config());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (tomcatMechanism != null) {
            tomcatMechanism.contextDestroyed(event);
        }
    }
}
