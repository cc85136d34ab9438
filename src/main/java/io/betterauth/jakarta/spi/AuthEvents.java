package io.betterauth.jakarta.spi;

import io.betterauth.jakarta.api.event.SessionCreating;
import io.betterauth.jakarta.api.event.SessionDeleting;
import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.SessionUpdating;
import io.betterauth.jakarta.api.event.SignInEvent;
import io.betterauth.jakarta.api.event.UserCreating;
import io.betterauth.jakarta.api.event.UserEvent;
import io.betterauth.jakarta.api.event.UserUpdating;

/**
 * Better Auth's database hooks as listeners: before-events may change data or reject (the client gets the error
 * in Better Auth's shape), after-events report what was stored. In a container they are CDI events; observe
 * {@code SessionCreating}, {@code SessionEvent}, … with {@code @Observes}.
 */
public interface AuthEvents {

    AuthEvents NONE = new AuthEvents() {
    };

    default void beforeSessionCreate(SessionCreating event) {
    }

    default void beforeSessionUpdate(SessionUpdating event) {
    }

    default void beforeSessionDelete(SessionDeleting event) {
    }

    default void beforeUserCreate(UserCreating event) {
    }

    default void beforeUserUpdate(UserUpdating event) {
    }

    default void after(SessionEvent event) {
    }

    default void after(UserEvent event) {
    }

    default void after(SignInEvent event) {
    }
}
