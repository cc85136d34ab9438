package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.js.JsJson;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * A token key's value as read: the session and user, and their JSON members, from which {@link #sessionJson} and
 * {@link #userJson} give them as Better Auth would write them back (to rewrite the value without losing any).
 */
record StoredSession(Session session, User user, JsonObject sessionMembers, JsonObject userMembers) {

    /**
     * The session's members as Better Auth's {@code safeJSONParse} leaves them ({@link JsJson#safeParsed}), made when
     * a rewrite asks: a get-session only reads, and this walk was about a sixth of its decode.
     */
    Map<String, Object> sessionJson() {
        return JsJson.safeParsed(sessionMembers);
    }

    /** The user copy's members, as {@link #sessionJson}. */
    Map<String, Object> userJson() {
        return JsJson.safeParsed(userMembers);
    }
}
