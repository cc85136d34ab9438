package io.betterauth.jakarta.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A live session with its user: what {@code /get-session} answers and what the app sees as the caller. In verifier
 * mode ({@code better-auth.plugins.jwt.remote-jwks-url}) the caller is a JWT's user and {@code session} is null.
 */
public record SessionAndUser(Session session, User user) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", session == null ? null : session.toJson());
        m.put("user", user.toJson());
        return m;
    }
}
