package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.event.SessionInfo;
import io.betterauth.jakarta.core.security.ConstantTime;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.SessionManager;
import java.util.List;
import java.util.Optional;

/**
 * Ours, for the host app's administration (checklist T-25, T-26): a user's sessions listed and revoked by user id,
 * with the events and audit lines of a revoke. No caller session is checked here and no HTTP endpoint exposes it —
 * guard the code that calls it with the app's own authorization (for example {@code @RolesAllowed("admin")} with
 * {@link io.betterauth.jakarta.spi.CallerGroups}).
 */
public final class SessionAdministration {

    private final SessionManager manager;
    private final SessionGuard guard;

    public SessionAdministration(SessionManager manager, SessionGuard guard) {
        this.manager = manager;
        this.guard = guard;
    }

    /** The user's live sessions, ids and metadata without their tokens. */
    public List<SessionInfo> listUserSessions(String userId) {
        return guard.liveSessions(userId).stream().map(SessionInfo::of).toList();
    }

    /** The user's live sessions as stored, tokens included (the admin plugin's {@code /admin/list-user-sessions}). */
    public List<Session> liveSessions(String userId) {
        // An id no column can hold is nobody's: not looked up (PostgreSQL refuses NUL even in a query).
        return ColumnLimits.storable(userId) ? guard.liveSessions(userId) : List.of();
    }

    /**
     * Revokes the session with this token, whoever it belongs to, with the events of a revoke (the admin plugin's
     * {@code /admin/revoke-user-session}: Better Auth's {@code deleteSession(token)}); answers whether there was one.
     */
    public boolean revokeSessionByToken(String token, String reason) {
        guard.requireStore();
        Optional<Session> target = manager.find(token).map(SessionAndUser::session);
        target.ifPresent(s -> manager.delete(s, reason));
        return target.isPresent();
    }

    /** Revokes one session of the user by its id (not its token); answers whether there was such a session. */
    public boolean revokeUserSession(String userId, String sessionId, String reason) {
        Optional<Session> target = guard.storedSessions(userId).stream()
                .filter(s -> ConstantTime.equal(s.id(), sessionId))
                .findFirst();
        target.ifPresent(s -> manager.delete(s, reason));
        return target.isPresent();
    }

    /**
     * Revokes every session of the user — when the app disables or deletes the account, resets its password or an
     * administrator signs it out everywhere — from the table and from secondary storage (whose revocation marker
     * also ends sessions another instance still lists). Each fires {@code SessionEvent(REVOKED, reason)}. Devices
     * holding a cookie cache keep it until its {@code max-age} (the documented revocation window); sensitive
     * endpoints refuse them at once. Answers how many sessions there were.
     */
    public int revokeUserSessions(String userId, String reason) {
        if (!ColumnLimits.storable(userId)) {
            guard.requireStore();
            return 0;
        }
        int count = guard.storedSessions(userId).size();
        manager.deleteAll(userId, reason);
        return count;
    }
}
