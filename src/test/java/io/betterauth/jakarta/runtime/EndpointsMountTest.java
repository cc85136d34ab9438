package io.betterauth.jakarta.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigurationException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When the library mounts the endpoints and when it leaves them to the app's {@code web.xml}; the mount itself
 * (Jersey on Payara and Tomcat, RESTEasy on WildFly) is proven by {@code BasePathIT} on each container.
 */
class EndpointsMountTest {

    static final String APPLICATION = "io.betterauth.jakarta.rest.BetterAuthApplication";

    static BetterAuthConfig config(String basePath) {
        return BetterAuthConfig.builder().secret("a-long-random-secret-9f8e7d6c5b4a3210ZYXWVUT").basePath(basePath)
                .build();
    }

    static ServletRegistration servlet(Map<String, String> initParams, String... mappings) {
        return (ServletRegistration) Proxy.newProxyInstance(EndpointsMountTest.class.getClassLoader(),
                new Class<?>[] {ServletRegistration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMappings" -> List.of(mappings);
                    case "getInitParameter" -> initParams.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A context with these servlets, no JAX-RS implementation, and no way to add a servlet. */
    static ServletContext context(Map<String, ServletRegistration> servlets) {
        ClassLoader nothing = new ClassLoader(null) { };
        return (ServletContext) Proxy.newProxyInstance(EndpointsMountTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletRegistration" -> servlets.get((String) args[0]);
                    case "getServletRegistrations" -> servlets;
                    case "getClassLoader" -> nothing;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void anAppMappingOfTheApplicationAtTheBasePath_isLeftAsItIs() {
        ServletContext named = context(Map.of(APPLICATION, servlet(Map.of(), "/custom/*")));
        assertThatCode(() -> EndpointsMount.register(named, config("/custom/"))).doesNotThrowAnyException();
        ServletContext byInitParam = context(Map.of("rest", servlet(Map.of("jakarta.ws.rs.Application", APPLICATION),
                "/api/auth/*")));
        assertThatCode(() -> EndpointsMount.register(byInitParam, config("/api/auth"))).doesNotThrowAnyException();
    }

    @Test
    void anAppMappingElsewhere_stopsTheStartUp() {
        ServletContext context = context(Map.of(APPLICATION, servlet(Map.of(), "/custom/*")));
        assertThatThrownBy(() -> EndpointsMount.register(context, config("/api/auth")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The application maps " + APPLICATION + " at [/custom/*] but better-auth.base-path is "
                        + "/api/auth: set better-auth.base-path to the mapped path, or remove the mapping and let the "
                        + "library mount the endpoints");
    }

    @Test
    void withoutJerseyOrRestEasy_theStartUpStops_sayingHowToMapTheEndpoints() {
        ServletContext context = context(Map.of("other", servlet(Map.of(), "/other/*")));
        assertThatThrownBy(() -> EndpointsMount.register(context, config("/auth/v2")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Neither Jersey (org.glassfish.jersey.servlet.ServletContainer) nor RESTEasy "
                        + "(org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher) is available to mount "
                        + "the endpoints: map " + APPLICATION + " at /auth/v2/* in web.xml with the JAX-RS "
                        + "implementation's servlet");
    }
}
