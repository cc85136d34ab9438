package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.core.js.JsJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of resolving the request's session: the session (or none), the {@code Set-Cookie} lines the
 * response must carry (a refresh, or the deletion of a dead session's cookies), and, with deferred refresh on a
 * GET, whether the client should POST to refresh.
 */
public record SessionLookup(SessionAndUser current, List<String> setCookies, Boolean needsRefresh) {

    public SessionLookup {
        setCookies = List.copyOf(setCookies);
    }

    public static SessionLookup none(List<String> setCookies) {
        return new SessionLookup(null, setCookies, null);
    }

    public Optional<SessionAndUser> session() {
        return Optional.ofNullable(current);
    }

    /** The {@code /get-session} body: {@code null}, or {@code {session, user[, needsRefresh]}}. */
    public String toJson() {
        return toJson(java.util.function.UnaryOperator.identity());
    }

    /** The body with the session and user seen through {@code view} (e.g. without {@code returned:false} fields). */
    public String toJson(java.util.function.UnaryOperator<SessionAndUser> view) {
        if (current == null) {
            return "null";
        }
        Map<String, Object> body = view.apply(current).toJson();
        if (needsRefresh != null) {
            body.put("needsRefresh", needsRefresh);
        }
        return JsJson.stringify(body);
    }
}
