package io.betterauth.jakarta.web;

import io.betterauth.jakarta.core.SessionAndUser;
import io.betterauth.jakarta.core.SessionLookup;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The session resolved for one request, kept as a request attribute so the mechanism, the filter and the app
 * share one lookup (and at most one refresh) per request. Its cookies are written to the response once.
 */
public final class SessionState {

    /** Request attribute holding this object. */
    public static final String ATTRIBUTE = SessionState.class.getName();

    private final SessionLookup lookup;
    private final AtomicBoolean cookiesWritten = new AtomicBoolean();

    SessionState(SessionLookup lookup) {
        this.lookup = lookup;
    }

    public Optional<SessionAndUser> current() {
        return lookup.session();
    }

    SessionLookup lookup() {
        return lookup;
    }

    /** True exactly once: for whoever writes the cookies. */
    boolean claimCookieWrite() {
        return cookiesWritten.compareAndSet(false, true);
    }
}
