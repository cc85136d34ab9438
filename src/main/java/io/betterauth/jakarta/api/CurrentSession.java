package io.betterauth.jakarta.api;

import java.util.Optional;

/** The current request's Better Auth session and user, for {@code @Inject} in servlets, resources and beans. */
public interface CurrentSession {

    /** The request's live session and its user (never refreshed here: the session filter did that). */
    Optional<SessionAndUser> get();

    default Optional<Session> session() {
        return get().map(SessionAndUser::session);
    }

    default Optional<User> user() {
        return get().map(SessionAndUser::user);
    }

    default boolean isSignedIn() {
        return get().isPresent();
    }
}
