package io.betterauth.jakarta.web.tomcat;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Keeps {@link ServletSecurityContext} out of every application except a Tomcat one with Soteria, so on Payara,
 * WildFly and other full containers {@code @Inject SecurityContext} stays the container's own. Registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class TomcatSecurityExtension implements Extension {

    void servletSecurityContextOnlyOnTomcat(@Observes ProcessAnnotatedType<ServletSecurityContext> type) {
        if (!TomcatSecurity.applies()) {
            type.veto();
        }
    }
}
