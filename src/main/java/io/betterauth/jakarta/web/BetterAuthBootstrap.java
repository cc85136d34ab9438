package io.betterauth.jakarta.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Registered by {@code web-fragment.xml}: reads the configuration and prepares the stores when the application
 * starts, so a missing secret or a bad value stops the deployment with a clear message instead of failing later.
 */
public class BetterAuthBootstrap implements ServletContextListener {

    @Inject
    BetterAuthRuntime runtime;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        runtime.start(event.getServletContext());
    }
}
