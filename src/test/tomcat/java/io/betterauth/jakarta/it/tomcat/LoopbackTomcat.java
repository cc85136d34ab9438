package io.betterauth.jakarta.it.tomcat;

import java.lang.reflect.Field;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Service;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.container.tomcat.embedded.Tomcat10EmbeddedContainer;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Two corrections to Arquillian's embedded Tomcat 10 adapter (1.2.0.Final), for the {@code tomcat} profile only
 * (registered by {@code TomcatAdapterFixes}):
 * its connector listens on every interface, so it is replaced by one on 127.0.0.1 (same port) right after start;
 * and it maps Jasper's JSP servlet, which is not on the class path (no test uses JSP), so each context drops that
 * mapping before its servlets load instead of logging a ClassNotFoundException per deployment.
 */
public class LoopbackTomcat {

    public void adjust(@Observes AfterStart event) throws ReflectiveOperationException {
        DeployableContainer<?> container = event.getDeployableContainer();
        if (!(container instanceof Tomcat10EmbeddedContainer)) {
            return;
        }
        Field field = Tomcat10EmbeddedContainer.class.getDeclaredField("tomcat");
        field.setAccessible(true);
        Tomcat tomcat = (Tomcat) field.get(container);
        bindToLoopback(tomcat);
        tomcat.getHost().addContainerListener(added -> {
            if (Container.ADD_CHILD_EVENT.equals(added.getType()) && added.getData() instanceof Context context) {
                context.addLifecycleListener(e -> {
                    if (Lifecycle.CONFIGURE_START_EVENT.equals(e.getType())) {
                        withoutJsp(context);
                    }
                });
            }
        });
    }

    private static void bindToLoopback(Tomcat tomcat) {
        Service service = tomcat.getService();
        Connector wildcard = tomcat.getConnector();
        Connector loopback = new Connector("HTTP/1.1");
        loopback.setPort(wildcard.getPort());
        loopback.setProperty("address", "127.0.0.1");
        service.removeConnector(wildcard);
        try {
            wildcard.destroy();
        } catch (org.apache.catalina.LifecycleException e) {
            throw new IllegalStateException("Could not close Tomcat's wildcard connector", e);
        }
        service.addConnector(loopback);
    }

    private static void withoutJsp(Context context) {
        Container jsp = context.findChild("jsp");
        if (jsp != null) {
            context.removeServletMapping("*.jsp");
            context.removeServletMapping("*.jspx");
            context.removeChild(jsp);
        }
    }
}
