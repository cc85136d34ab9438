package io.betterauth.jakarta.core.plugin.jwt.verify;

import io.betterauth.jakarta.api.User;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user a verified {@code /token} JWT names. Better Auth's payload is {@code {iat, ...session.user, sub, exp, iss,
 * aud}} ({@code plugins/jwt/sign.mjs}), so the user's members are the payload's without the registered claims; the
 * id is {@code sub} (what {@code getSubject} chose), the dates are the ISO strings {@code JSON.stringify} wrote, and
 * every other member (admin's {@code role}, {@code banned}, the app's returned fields) is an additional field.
 */
final class TokenUser {

    /** The JWT claims jose and the signer add around the user (RFC 7519 §4.1). */
    private static final Set<String> CLAIMS = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

    private TokenUser() {
    }

    static User of(String subject, Map<String, Object> payload) {
        Map<String, Object> additional = new LinkedHashMap<>();
        payload.forEach((k, v) -> {
            if (!CLAIMS.contains(k) && !User.CORE_FIELDS.contains(k)) {
                additional.put(k, v);
            }
        });
        return new User(subject, string(payload.get("name")), string(payload.get("email")),
                Boolean.TRUE.equals(payload.get("emailVerified")), string(payload.get("image")),
                instant(payload.get("createdAt")), instant(payload.get("updatedAt")), additional);
    }

    /** The groups a configured roles claim grants: a string (Better Auth's comma-separated roles) or strings. */
    static Set<String> groups(User user, String rolesClaim) {
        if (rolesClaim == null) {
            return Set.of();
        }
        Object value = user.additional().get(rolesClaim);
        List<?> raw = value instanceof String s ? List.of((Object[]) s.split(","))
                : value instanceof List<?> list ? list : List.of();
        return Set.copyOf(raw.stream().filter(String.class::isInstance).map(r -> ((String) r).trim())
                .filter(r -> !r.isEmpty()).toList());
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    private static Instant instant(Object value) {
        try {
            return value instanceof String s ? Instant.parse(s) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
