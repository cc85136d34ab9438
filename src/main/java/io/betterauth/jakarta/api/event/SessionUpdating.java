package io.betterauth.jakarta.api.event;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fired before a session is updated ({@code databaseHooks.session.update.before}) with only the changes, as
 * Better Auth passes them: {@code expiresAt}/{@code updatedAt} on a refresh, additional fields on update-session.
 * A listener may change the additional fields or {@link #reject} the update (a rejected refresh signs the device
 * out, as in Better Auth).
 */
public final class SessionUpdating extends Veto {

    private final SessionInfo session;
    private final Map<String, Object> changes;

    public SessionUpdating(SessionInfo session, Map<String, Object> changes) {
        this.session = session;
        this.changes = new LinkedHashMap<>(changes);
    }

    public SessionInfo session() {
        return session;
    }

    /** The changes, mutable. */
    public Map<String, Object> changes() {
        return changes;
    }
}
