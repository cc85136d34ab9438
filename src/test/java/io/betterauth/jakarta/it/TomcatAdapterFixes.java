package io.betterauth.jakarta.it;

import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers the corrections to Arquillian's embedded Tomcat adapter ({@code src/test/tomcat/java}, compiled only
 * with {@code -Ptomcat}) when that adapter is on the class path; with Payara or WildFly it registers nothing.
 */
public class TomcatAdapterFixes implements LoadableExtension {

    static final String ADAPTER = "org.jboss.arquillian.container.tomcat.embedded.Tomcat10EmbeddedContainer";
    static final String FIXES = "io.betterauth.jakarta.it.tomcat.LoopbackTomcat";

    @Override
    public void register(ExtensionBuilder builder) {
        ClassLoader loader = TomcatAdapterFixes.class.getClassLoader();
        try {
            Class.forName(ADAPTER, false, loader);
            builder.observer(Class.forName(FIXES, true, loader));
        } catch (ClassNotFoundException | LinkageError notTomcat) {
            // Payara or WildFly: nothing to correct
        }
    }
}
