package io.betterauth.jakarta.spi;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where session rows live: Better Auth's {@code session} table, or any store with the same semantics. Small on
 * purpose: every operation is keyed by the session token, the one secret the client holds, except the two
 * per-user operations needed to list and revoke a user's devices.
 *
 * <p>A store that cannot be reached fails with {@link StoreUnavailableException} (503, nobody signed out); any
 * other failure while reading a session means its record is unreadable: no session. (An application's own store
 * whose JDBC errors escape it unwrapped is held to this by {@code store.jdbc.JdbcOutages}.)
 */
public interface SessionStore {

    /** Stores a new session; its token is unique. */
    void create(Session session);

    Optional<Session> findByToken(String token);

    /**
     * Slides the expiry of the session with this token; empty when it no longer exists (revoked meanwhile), in
     * which case nothing is written.
     */
    Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt);

    /**
     * The sliding refresh, written once however many requests ask for it at the same moment (T-16): slides the
     * expiry only while the stored {@code expiresAt} is not after {@code ifNotAfter} (the session is still due for a
     * refresh), and answers the session as stored after the call, slid by this call or by a concurrent one; empty
     * when it no longer exists. Stores that can make the check and the write one atomic step should (the JPA store
     * uses one conditional {@code UPDATE}); this default checks then writes.
     */
    default Optional<Session> refreshExpiry(String token, Instant ifNotAfter, Instant expiresAt, Instant updatedAt) {
        Optional<Session> current = findByToken(token);
        if (current.isEmpty() || current.get().expiresAt().isAfter(ifNotAfter)) {
            return current;
        }
        return updateExpiry(token, expiresAt, updatedAt);
    }

    /**
     * Sets declared additional fields of the session with this token (other fields kept) and stamps
     * {@code updatedAt}; empty when it no longer exists, in which case nothing is written.
     */
    Optional<Session> updateAdditional(String token, java.util.Map<String, Object> changes, Instant updatedAt);

    /** Deletes the session with this token; deleting a missing one is not an error. */
    void delete(String token);

    /**
     * The user's sessions, oldest first. Expired ones may be included (a database keeps them until purged; a
     * key-value store drops them), so callers filter by {@code expiresAt}.
     */
    List<Session> listByUser(String userId);

    /** Deletes every session of the user. */
    void deleteByUser(String userId);

    /**
     * The session with this token and its user. Stores that keep a copy of the user next to the session (Better
     * Auth's secondary storage) answer without asking {@code users}; the default reads both.
     */
    default Optional<SessionAndUser> findWithUser(String token, UserStore users) {
        return findByToken(token).flatMap(s -> users.findById(s.userId()).map(u -> new SessionAndUser(s, u)));
    }

    /** Told when a user changed, so stores that keep copies of the user can refresh every one of them. */
    default void userUpdated(User user) {
    }
}
