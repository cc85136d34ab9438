package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.config.BetterAuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/** The app's own configuration bean, which wins as a whole: its base path moves the endpoints too. */
@ApplicationScoped
public class ProducedConfig {

    public static final String BASE_PATH = "/produced/auth";

    @Produces // dependent: a record cannot be proxied
    BetterAuthConfig config() {
        BetterAuthConfig.Builder b = BetterAuthConfig.builder().secret("it-secret-0123456789-abcdefghijklmnopqrstuvwxyz")
                .baseUrl("http://localhost:8080").basePath(BASE_PATH).emailAndPasswordEnabled(true)
                .trustedOrigins(List.of("http://127.0.0.1:*")).rateLimitEnabled(false);
        // Embedded Tomcat runs in the test JVM (-Ptomcat sets this property); it has no default data source.
        if ("tomcat".equals(System.getProperty("arquillian.launch"))) {
            b.databaseUrl("jdbc:h2:mem:produced;DB_CLOSE_DELAY=-1");
        }
        return b.build();
    }
}
