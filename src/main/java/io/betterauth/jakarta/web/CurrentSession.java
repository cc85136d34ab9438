package io.betterauth.jakarta.web;

import io.betterauth.jakarta.core.Session;
import io.betterauth.jakarta.core.SessionAndUser;
import io.betterauth.jakarta.core.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The current request's Better Auth session and user, for {@code @Inject} in servlets, resources and beans. */
@RequestScoped
public class CurrentSession {

    @Inject
    HttpServletRequest request;
    @Inject
    SessionResolver resolver;

    public Optional<SessionAndUser> get() {
        return resolver.isAuthEndpoint(request) ? Optional.empty() : resolver.resolveWithoutRefresh(request).current();
    }

    public Optional<Session> session() {
        return get().map(SessionAndUser::session);
    }

    public Optional<User> user() {
        return get().map(SessionAndUser::user);
    }

    public boolean isSignedIn() {
        return get().isPresent();
    }
}
