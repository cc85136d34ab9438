package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.event.SessionCreating;
import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.UserEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Observes the library's events the way an app would, vetoes sign-ins from a blocked user agent, and shows what it
 * saw at {@code GET /api/test-events}.
 */
@ApplicationScoped
@Path("test-events")
public class AuthEventRecorder {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    void onCreating(@Observes SessionCreating event) {
        if ("Blocked-Agent".equals(event.session().userAgent())) {
            event.reject(403, "SIGN_IN_BLOCKED", "Sign-in from this device is blocked by policy");
        }
    }

    void onSession(@Observes SessionEvent event) {
        seen.add(event.kind() + ":" + event.reason() + ":" + event.session().userId());
    }

    void onUser(@Observes UserEvent event) {
        seen.add("USER_" + event.kind() + ":" + event.user().id());
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String events() {
        return String.join("\n", seen) + "\nCUSTOMIZERS_ALIVE:" + OrgSessionCustomizer.alive()
                + "\nGROUPS_ALIVE:" + CountingGroups.alive();
    }
}
