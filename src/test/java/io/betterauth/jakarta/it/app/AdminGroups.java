package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.CallerGroups;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** The test app's notion of an administrator: an email starting with {@code admin-} (a real app asks its database). */
@ApplicationScoped
public class AdminGroups implements CallerGroups {

    @Override
    public Set<String> groups(User user) {
        return user.email().startsWith("admin-") ? Set.of("admin") : Set.of();
    }
}
