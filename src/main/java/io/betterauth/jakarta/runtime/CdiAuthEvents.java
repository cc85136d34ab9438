package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.api.event.SessionCreating;
import io.betterauth.jakarta.api.event.SessionDeleting;
import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.SessionUpdating;
import io.betterauth.jakarta.api.event.SignInEvent;
import io.betterauth.jakarta.api.event.UserCreating;
import io.betterauth.jakarta.api.event.UserEvent;
import io.betterauth.jakarta.api.event.UserUpdating;
import io.betterauth.jakarta.spi.AuthEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Better Auth's database hooks as CDI events, fired synchronously: {@code @Observes SessionCreating} (change or
 * {@code reject} a new session), {@code SessionUpdating}, {@code SessionDeleting}, {@code UserCreating},
 * {@code UserUpdating}, and after the store wrote, {@code SessionEvent} and {@code UserEvent}; {@code SignInEvent}
 * for every decided sign-in. After-events follow
 * the store's own commit, so an observer never sees a change that was rolled back.
 */
@ApplicationScoped
public class CdiAuthEvents implements AuthEvents {

    @Inject
    Event<Object> bus;

    @Override
    public void beforeSessionCreate(SessionCreating event) {
        bus.fire(event);
    }

    @Override
    public void beforeSessionUpdate(SessionUpdating event) {
        bus.fire(event);
    }

    @Override
    public void beforeSessionDelete(SessionDeleting event) {
        bus.fire(event);
    }

    @Override
    public void beforeUserCreate(UserCreating event) {
        bus.fire(event);
    }

    @Override
    public void beforeUserUpdate(UserUpdating event) {
        bus.fire(event);
    }

    @Override
    public void after(SessionEvent event) {
        bus.fire(event);
    }

    @Override
    public void after(UserEvent event) {
        bus.fire(event);
    }

    @Override
    public void after(SignInEvent event) {
        bus.fire(event);
    }
}
