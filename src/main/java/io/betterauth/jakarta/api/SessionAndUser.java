package io.betterauth.jakarta.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** A live session with its user: what {@code /get-session} answers and what the app sees as the caller. */
public record SessionAndUser(Session session, User user) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", session.toJson());
        m.put("user", user.toJson());
        return m;
    }
}
