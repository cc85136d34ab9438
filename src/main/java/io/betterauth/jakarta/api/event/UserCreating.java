package io.betterauth.jakarta.api.event;

import io.betterauth.jakarta.api.User;

/** Fired before a user is stored (sign-up); a listener may replace the user (id and email kept) or reject the sign-up. */
public final class UserCreating extends Veto {

    private User user;

    public UserCreating(User user) {
        this.user = user;
    }

    public User user() {
        return user;
    }

    public void replace(User changed) {
        this.user = new User(user.id(), changed.name(), user.email(), changed.emailVerified(), changed.image(),
                user.createdAt(), user.updatedAt(), changed.additional());
    }
}
