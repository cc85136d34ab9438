package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import java.util.Map;

/**
 * A token key's value as read: the session and user, and their JSON members as Better Auth would write them back (to
 * rewrite the value without losing any).
 */
record StoredSession(Session session, User user, Map<String, Object> sessionJson, Map<String, Object> userJson) {
}
