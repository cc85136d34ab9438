package io.betterauth.jakarta.api.event;

import io.betterauth.jakarta.api.Session;
import java.time.Instant;
import java.util.Map;

/**
 * What events say about a session: everything but the token, which never leaves the session store and cookies
 * (an observer that logged it would leak a credential).
 */
public record SessionInfo(String id, String userId, Instant createdAt, Instant updatedAt, Instant expiresAt,
                          String ipAddress, String userAgent, Map<String, Object> additional) {

    public static SessionInfo of(Session s) {
        return new SessionInfo(s.id(), s.userId(), s.createdAt(), s.updatedAt(), s.expiresAt(), s.ipAddress(),
                s.userAgent(), s.additional());
    }
}
