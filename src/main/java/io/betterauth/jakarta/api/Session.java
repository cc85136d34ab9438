package io.betterauth.jakarta.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of Better Auth's {@code session} table, with the app's declared additional fields (columns of the same
 * table, by their Better Auth names). {@link #toJson()} gives the member order a Node Better Auth emits, additional
 * fields before {@code id}, so responses and cookie caches look the same from either server.
 */
public record Session(String id, String token, String userId, Instant expiresAt, Instant createdAt,
                      Instant updatedAt, String ipAddress, String userAgent, Map<String, Object> additional) {

    /** The members Better Auth itself defines; anything else in a stored or cached session is an additional field. */
    public static final java.util.Set<String> CORE_FIELDS = java.util.Set.of("id", "token", "userId", "expiresAt",
            "createdAt", "updatedAt", "ipAddress", "userAgent");

    public Session {
        additional = additional == null || additional.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(additional));
    }

    /** A session without additional fields. */
    public Session(String id, String token, String userId, Instant expiresAt, Instant createdAt, Instant updatedAt,
                   String ipAddress, String userAgent) {
        this(id, token, userId, expiresAt, createdAt, updatedAt, ipAddress, userAgent, Map.of());
    }

    /** Whether every column Better Auth requires is present (a row that drifted from the schema is not). */
    public boolean complete() {
        return id != null && token != null && userId != null && expiresAt != null && createdAt != null
                && updatedAt != null;
    }

    public Session withExpiry(Instant newExpiresAt, Instant newUpdatedAt) {
        return new Session(id, token, userId, newExpiresAt, createdAt, newUpdatedAt, ipAddress, userAgent, additional);
    }

    /** The same session with these additional fields changed (others kept) and a new {@code updatedAt}. */
    public Session withAdditional(Map<String, Object> changes, Instant newUpdatedAt) {
        Map<String, Object> merged = new LinkedHashMap<>(additional);
        merged.putAll(changes);
        return new Session(id, token, userId, expiresAt, createdAt, newUpdatedAt, ipAddress, userAgent, merged);
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
        additional.forEach(m::putIfAbsent);
        m.put("id", id);
        return m;
    }
}
