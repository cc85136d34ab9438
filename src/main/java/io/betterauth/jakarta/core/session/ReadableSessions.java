package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.spi.UserStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

/** Reading a session record so that an unreadable one is no session and an outage is a 503, never a sign-out. */
final class ReadableSessions {

    private static final Logger LOG = System.getLogger(SessionManager.class.getName());

    private ReadableSessions() {
    }

    /**
     * The stored session and user, or empty when there is none or the record cannot be read (checklist T-37,
     * spring-session#1939): a row with a missing required column, or a value the store fails to decode (schema
     * drift, a foreign or corrupted entry). Such a record is no session, so the caller gets 401 and its cookies
     * are cleared instead of a 500; the record is left for an operator to inspect. An outage still propagates.
     */
    static Optional<SessionAndUser> find(SessionStore sessions, UserStore users, String token) {
        Optional<SessionAndUser> found;
        try {
            found = sessions.findWithUser(token, users);
        } catch (StoreUnavailableException | AuthException e) {
            throw e;
        } catch (RuntimeException e) {
            if (outage(e)) {
                // A store that cannot be reached is not an unreadable record: 503, and nobody is signed out.
                throw new StoreUnavailableException("The session store failed: " + e.getClass().getSimpleName(), e);
            }
            // The exception's message may quote the stored values: only its type is logged.
            LOG.log(Level.WARNING, "An unreadable session record was treated as no session ("
                    + e.getClass().getName() + ")");
            return Optional.empty();
        }
        if (found.isPresent() && (!found.get().session().complete() || !found.get().user().complete())) {
            LOG.log(Level.WARNING, "A session record with missing required fields was treated as no session");
            return Optional.empty();
        }
        return found;
    }

    /**
     * Whether a failure comes from an unreachable store, not from the data: a {@link StoreUnavailableException}, as
     * stores report their outages (an application's own store is held to that by {@code store.jdbc.JdbcOutages}), or
     * an I/O error, among its causes.
     */
    private static boolean outage(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof StoreUnavailableException || t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
