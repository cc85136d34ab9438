package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.spi.SessionCustomizer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A customSession bean: get-session answers with the app's own shape (a record among its members), list-sessions
 * with a record per session. {@code @Dependent}, and counting its live
 * instances ({@link #alive()}, shown by {@link AuthEventRecorder}): each call's instance must be released after it.
 */
@Dependent
public class OrgSessionCustomizer implements SessionCustomizer {

    private static final AtomicInteger CREATED = new AtomicInteger();
    private static final AtomicInteger DESTROYED = new AtomicInteger();

    @PostConstruct
    void created() {
        CREATED.incrementAndGet();
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.incrementAndGet();
    }

    /** Instances created and not yet destroyed, and instances created in all. */
    public static String alive() {
        return (CREATED.get() - DESTROYED.get()) + " of " + CREATED.get();
    }

    @Override
    public Object customize(SessionAndUser current) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", Map.of("id", current.user().id(), "email", current.user().email()));
        body.put("session", current.session().toJson());
        Object org = current.session().additional().get("activeOrganizationId");
        body.put("organization", org == null ? null : "Org " + org);
        // an application object inside the body: written through JSON-B, then as JSON.stringify writes
        body.put("membership", new Membership(org == null ? null : "Org " + org, List.of("member"),
                current.session().createdAt()));
        return body;
    }

    /** A record among the get-session body's members. */
    public record Membership(String organization, List<String> roles, Instant since) {
    }

    /** A record as the whole list-sessions entry. */
    public record Device(String id, String userAgent, Instant expiresAt) {
    }

    @Override
    public boolean customizesListSessions() {
        return true;
    }

    @Override
    public Object customizeListEntry(Session session) {
        return new Device(session.id(), session.userAgent(), session.expiresAt());
    }
}
