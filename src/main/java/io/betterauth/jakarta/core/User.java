package io.betterauth.jakarta.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of Better Auth's {@code user} table. {@link #toJson()} uses the member order of Better Auth's SQL adapters
 * ({@code id} last, {@code image: null} present) and never includes credentials (they live in {@link Account}).
 */
public record User(String id, String name, String email, boolean emailVerified, String image, Instant createdAt,
                   Instant updatedAt) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("email", email);
        m.put("emailVerified", emailVerified);
        m.put("image", image);
        m.put("createdAt", createdAt);
        m.put("updatedAt", updatedAt);
        m.put("id", id);
        return m;
    }
}
