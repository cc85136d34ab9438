package io.betterauth.jakarta.api.event;

import io.betterauth.jakarta.api.Session;

/**
 * Fired before a session is stored ({@code databaseHooks.session.create.before}): a listener may replace the
 * session (change its expiry or additional fields; the token and id stay the library's) or {@link #reject} it.
 */
public final class SessionCreating extends Veto {

    private final String reason;
    private Session session;

    public SessionCreating(Session session, String reason) {
        this.session = session;
        this.reason = reason;
    }

    /** sign-in, sign-up or change-password. */
    public String reason() {
        return reason;
    }

    public SessionInfo session() {
        return SessionInfo.of(session);
    }

    /** The row that will be stored. */
    public Session proposed() {
        return session;
    }

    /** Stores this instead (its id, token and user are kept from the original). */
    public void replace(Session changed) {
        this.session = new Session(session.id(), session.token(), session.userId(), changed.expiresAt(),
                changed.createdAt(), changed.updatedAt(), changed.ipAddress(), changed.userAgent(), changed.additional());
    }
}
