package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JAX-RS specification's route stays open: an app whose {@code web.xml} maps
 * {@code io.betterauth.jakarta.rest.BetterAuthApplication} itself keeps that mapping (the library mounts nothing
 * more; a second mount at the same path would stop the deployment), with {@code better-auth.base-path} set to it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BasePathWebXmlIT {

    static final String APPLICATION = "io.betterauth.jakarta.rest.BetterAuthApplication";

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = Map.of("better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080", "better-auth.base-path", "/custom");
        return Deployments.reconfigured(Deployments.war("basepath-webxml", config), "basepath-webxml", config, """
                  <servlet><servlet-name>%1$s</servlet-name></servlet>
                  <servlet-mapping><servlet-name>%1$s</servlet-name><url-pattern>/custom/*</url-pattern></servlet-mapping>
                """.formatted(APPLICATION));
    }

    @ArquillianResource
    URL url;

    @Test
    void theAppsOwnMapping_servesTheEndpoints() throws Exception {
        Http http = new Http(url);
        String email = "mapped-" + System.nanoTime() + "@example.com";
        HttpResponse<String> signUp = http.postJson("/custom/sign-up/email",
                "{\"name\":\"Mapped\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(signUp.statusCode()).isEqualTo(200);
        String cookie = cookiePair(signUp, "better-auth.session_token");
        HttpResponse<String> session = http.get("/custom/get-session", cookie);
        assertThat(json(session).getJsonObject("user").getString("email")).isEqualTo(email);
        assertThat(http.get("/api/auth/get-session", cookie).statusCode()).isEqualTo(404);
    }
}
