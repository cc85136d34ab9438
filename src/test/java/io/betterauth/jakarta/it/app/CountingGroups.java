package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.CallerGroups;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An app's {@code CallerGroups} in the default scope, {@code @Dependent}, counting its live instances ({@link #alive()},
 * shown by {@link AuthEventRecorder}): the library asks for the groups on every authenticated request, and each
 * request's instance must be released after it, or an application-scoped caller would keep one per request.
 */
@Dependent
public class CountingGroups implements CallerGroups {

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
    public Set<String> groups(User user) {
        return Set.of("member");
    }
}
