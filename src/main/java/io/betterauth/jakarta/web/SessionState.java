package io.betterauth.jakarta.web;

import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.core.session.SessionLookup;
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
    private final boolean storeUnavailable;
    private final AtomicBoolean cookiesWritten = new AtomicBoolean();

    SessionState(SessionLookup lookup) {
        this(lookup, false);
    }

    SessionState(SessionLookup lookup, boolean storeUnavailable) {
        this.lookup = lookup;
        this.storeUnavailable = storeUnavailable;
    }

    /**
     * Whether the session could not be resolved because the store was unreachable: the request is anonymous for
     * the app, but whatever requires a session answers 503 {@code SERVICE_UNAVAILABLE} (never 401, and no cookie is
     * cleared) — the caller was not signed out, the database was down.
     */
    public boolean storeUnavailable() {
        return storeUnavailable;
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
