package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.spi.SessionCustomizer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A customSession bean: get-session answers with the app's own shape. {@code @Dependent}, and counting its live
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
        return body;
    }
}
