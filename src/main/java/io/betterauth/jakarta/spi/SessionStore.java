package io.betterauth.jakarta.spi;

import io.betterauth.jakarta.core.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where session rows live: Better Auth's {@code session} table, or any store with the same semantics. Small on
 * purpose: every operation is keyed by the session token, the one secret the client holds, except the two
 * per-user operations needed to list and revoke a user's devices.
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

    /** Deletes the session with this token; deleting a missing one is not an error. */
    void delete(String token);

    /** Every session of the user, expired ones included, in creation order. */
    List<Session> listByUser(String userId);

    /** Deletes every session of the user. */
    void deleteByUser(String userId);
}
