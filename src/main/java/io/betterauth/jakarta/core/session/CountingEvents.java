package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.event.SessionCreating;
import io.betterauth.jakarta.api.event.SessionDeleting;
import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.SessionUpdating;
import io.betterauth.jakarta.api.event.SignInEvent;
import io.betterauth.jakarta.api.event.UserCreating;
import io.betterauth.jakarta.api.event.UserEvent;
import io.betterauth.jakarta.api.event.UserUpdating;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.spi.AuthMetrics;

/**
 * Counts the after-events into {@link AuthMetrics} (created, refreshed and revoked sessions, failed sign-ins), then
 * hands every event on unchanged. Counted before the app's listeners run: the store write they report has happened
 * whatever a listener does.
 */
public final class CountingEvents implements AuthEvents {

    private final AuthEvents next;
    private final AuthMetrics metrics;

    public CountingEvents(AuthEvents next, AuthMetrics metrics) {
        this.next = next;
        this.metrics = metrics;
    }

    @Override
    public void after(SessionEvent event) {
        switch (event.kind()) {
            case CREATED -> metrics.sessionCreated();
            case REFRESHED -> metrics.sessionRefreshed();
            case REVOKED -> metrics.sessionRevoked();
            default -> {
                // updates, expiries and failed fresh checks are not counted
            }
        }
        next.after(event);
    }

    @Override
    public void after(SignInEvent event) {
        if (event.kind() == SignInEvent.Kind.FAILED) {
            metrics.signInFailed();
        }
        next.after(event);
    }

    @Override
    public void after(UserEvent event) {
        next.after(event);
    }

    @Override
    public void beforeSessionCreate(SessionCreating event) {
        next.beforeSessionCreate(event);
    }

    @Override
    public void beforeSessionUpdate(SessionUpdating event) {
        next.beforeSessionUpdate(event);
    }

    @Override
    public void beforeSessionDelete(SessionDeleting event) {
        next.beforeSessionDelete(event);
    }

    @Override
    public void beforeUserCreate(UserCreating event) {
        next.beforeUserCreate(event);
    }

    @Override
    public void beforeUserUpdate(UserUpdating event) {
        next.beforeUserUpdate(event);
    }
}
