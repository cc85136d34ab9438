package io.betterauth.jakarta.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of Better Auth's {@code user} table, with the app's declared additional fields. {@link #toJson()} uses
 * the member order of Better Auth's SQL adapters ({@code image: null} present, additional fields, then {@code id})
 * and never includes credentials (they live in {@link Account}).
 */
public record User(String id, String name, String email, boolean emailVerified, String image, Instant createdAt,
                   Instant updatedAt, Map<String, Object> additional) {

    /** The members Better Auth itself defines; anything else in a stored or cached user is an additional field. */
    public static final java.util.Set<String> CORE_FIELDS = java.util.Set.of("id", "name", "email", "emailVerified",
            "image", "createdAt", "updatedAt");

    public User {
        additional = additional == null || additional.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(additional));
    }

    /** A user without additional fields. */
    public User(String id, String name, String email, boolean emailVerified, String image, Instant createdAt,
                Instant updatedAt) {
        this(id, name, email, emailVerified, image, createdAt, updatedAt, Map.of());
    }

    /** Whether every column Better Auth requires is present (a row that drifted from the schema is not). */
    public boolean complete() {
        return id != null && name != null && email != null && createdAt != null && updatedAt != null;
    }

    /** The same user with these additional fields changed (others kept). */
    public User withAdditional(Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(additional);
        merged.putAll(changes);
        return new User(id, name, email, emailVerified, image, createdAt, updatedAt, merged);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("email", email);
        m.put("emailVerified", emailVerified);
        m.put("image", image);
        m.put("createdAt", createdAt);
        m.put("updatedAt", updatedAt);
        additional.forEach(m::putIfAbsent);
        m.put("id", id);
        return m;
    }
}
