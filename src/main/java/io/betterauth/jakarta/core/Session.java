package io.betterauth.jakarta.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of Better Auth's {@code session} table. {@link #toJson()} gives the member order a Node Better Auth
 * emits, so responses and cookie caches look the same from either server.
 */
public record Session(String id, String token, String userId, Instant expiresAt, Instant createdAt,
                      Instant updatedAt, String ipAddress, String userAgent) {

    public Session withExpiry(Instant newExpiresAt, Instant newUpdatedAt) {
        return new Session(id, token, userId, newExpiresAt, createdAt, newUpdatedAt, ipAddress, userAgent);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expiresAt", expiresAt);
        m.put("token", token);
        m.put("createdAt", createdAt);
        m.put("updatedAt", updatedAt);
        m.put("ipAddress", ipAddress);
        m.put("userAgent", userAgent);
        m.put("userId", userId);
        m.put("id", id);
        return m;
    }
}
