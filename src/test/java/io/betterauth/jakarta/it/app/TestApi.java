package io.betterauth.jakarta.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The test app's own JAX-RS application, scanning everything (so it also sees the library's resources). Jersey on
 * Tomcat enforces {@code @RolesAllowed} only with its {@code RolesAllowedDynamicFeature} registered (Payara's Jersey
 * registers it itself; RESTEasy on WildFly needs {@code resteasy.role.based.security=true} instead).
 */
@ApplicationPath("api")
public class TestApi extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
