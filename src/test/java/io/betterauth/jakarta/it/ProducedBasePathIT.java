package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.it.app.ProducedConfig;
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

/** An app-produced {@code BetterAuthConfig} moves the endpoints as the option does (the mount follows CDI). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProducedBasePathIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("produced-basepath", Map.of("better-auth.secret", Deployments.SECRET))
                .addClass(ProducedConfig.class);
    }

    @ArquillianResource
    URL url;

    @Test
    void theProducedBasePath_servesTheEndpoints() throws Exception {
        Http http = new Http(url);
        String email = "produced-" + System.nanoTime() + "@example.com";
        HttpResponse<String> signUp = http.postJson(ProducedConfig.BASE_PATH + "/sign-up/email",
                "{\"name\":\"Produced\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(signUp.statusCode()).isEqualTo(200);
        String cookie = cookiePair(signUp, "better-auth.session_token");
        assertThat(json(http.get(ProducedConfig.BASE_PATH + "/get-session", cookie)).getJsonObject("user")
                .getString("email")).isEqualTo(email);
        assertThat(http.get("/api/auth/get-session", cookie).statusCode()).isEqualTo(404);
    }
}
