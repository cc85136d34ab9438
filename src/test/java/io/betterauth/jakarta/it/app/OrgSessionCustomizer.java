package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.core.SessionAndUser;
import io.betterauth.jakarta.spi.SessionCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** A customSession bean: get-session answers with the app's own shape. */
@ApplicationScoped
public class OrgSessionCustomizer implements SessionCustomizer {

    @Override
    public Object customize(SessionAndUser current) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", Map.of("id", current.user().id(), "email", current.user().email()));
        body.put("session", current.session().toJson());
        Object org = current.session().additional().get("activeOrganizationId");
        body.put("organization", org == null ? null : "Org " + org);
        return body;
    }
}
