package io.betterauth.jakarta.spi;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;

/**
 * Better Auth's {@code customSession} plugin as a CDI bean: implement it (one bean per application) and its answer
 * becomes the {@code /get-session} body when there is a session, whatever its shape (maps, lists, strings,
 * numbers, booleans, {@code Instant}s, null, and records or POJOs, which are serialised with JSON-B and then written
 * as {@code JSON.stringify} would). The cookie cache keeps the uncustomised session, as in Better Auth.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class WithRoles implements SessionCustomizer {
 *     public Object customize(SessionAndUser current) {
 *         Map<String, Object> body = current.toJson();
 *         body.put("roles", List.of("editor"));
 *         return body;
 *     }
 * }
 * }</pre>
 */
public interface SessionCustomizer {

    /** The get-session body for this session (fields marked {@code returned:false} are already removed). */
    Object customize(SessionAndUser current);

    /** Whether {@code /list-sessions} entries are customised too (Better Auth: {@code shouldMutateListDeviceSessionsEndpoint}). */
    default boolean customizesListSessions() {
        return false;
    }

    /** One {@code /list-sessions} entry; the default is the session as Better Auth lists it. */
    default Object customizeListEntry(Session session) {
        return session.toJson();
    }
}
