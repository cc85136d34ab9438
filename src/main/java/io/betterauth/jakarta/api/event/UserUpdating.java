package io.betterauth.jakarta.api.event;

import io.betterauth.jakarta.api.User;

/** Fired before a user is updated (update-user) with the user as it would be stored; {@link #reject} stops it. */
public final class UserUpdating extends Veto {

    private final User user;

    public UserUpdating(User user) {
        this.user = user;
    }

    public User user() {
        return user;
    }
}
