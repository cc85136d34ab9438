package io.betterauth.jakarta.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Registered by {@code web-fragment.xml}: reads the configuration and prepares the stores when the application
 * starts, so a missing secret or a bad value stops the deployment with a clear message instead of failing later.
 * Also adds the "active sessions" page ({@link SessionsPageServlet}) unless the configuration switches it off.
 */
public class BetterAuthBootstrap implements ServletContextListener {

    @Inject
    BetterAuthRuntime runtime;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        BetterAuthRuntime.Services services = runtime.start(event.getServletContext());
        // Allowed here: this listener is declared in web-fragment.xml, not added programmatically.
        SessionsPageServlet.register(event.getServletContext(), services.config());
    }
}
