package io.betterauth.jakarta.api.event;

/** Fired before a session is deleted ({@code databaseHooks.session.delete.before}); {@link #reject} keeps it. */
public final class SessionDeleting extends Veto {

    private final SessionInfo session;
    private final String reason;

    public SessionDeleting(SessionInfo session, String reason) {
        this.session = session;
        this.reason = reason;
    }

    public SessionInfo session() {
        return session;
    }

    public String reason() {
        return reason;
    }
}
