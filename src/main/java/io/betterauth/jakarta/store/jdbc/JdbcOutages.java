package io.betterauth.jakarta.store.jdbc;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.spi.UserStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which JDBC failures mean the database cannot be reached, so that they answer 503 and sign nobody out. Fails safe:
 * every {@link SQLException} among a failure's causes counts as an outage unless its SQLState says the data or the
 * schema is at fault (class 22, data exception; class 42, e.g. a dropped column). A pool's "Connection is closed"
 * after the database went away carries no SQLState at all (HikariCP), and must not sign the user out.
 *
 * <p>The library's own JPA stores report every persistence failure as {@link StoreUnavailableException} already.
 * {@link #reported(SessionStore)} holds an application's own {@link SessionStore} to the same contract, which the
 * library cannot otherwise know it follows: its JDBC outages, however wrapped, become
 * {@link StoreUnavailableException}; every other failure passes unchanged (a data error while reading a session is
 * an unreadable record: no session).
 */
public final class JdbcOutages {

    private JdbcOutages() {
    }

    /** Whether {@code failure} or one of its causes is a JDBC error that does not blame the data. */
    public static boolean isOutage(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql && !dataError(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean dataError(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("42"));
    }

    /** {@code store}, whose every call reports a JDBC outage as {@link StoreUnavailableException}. */
    public static SessionStore reported(SessionStore store) {
        return new Reporting(Objects.requireNonNull(store, "store"));
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isOutage(e)) {
                throw new StoreUnavailableException("The session store failed: " + e.getClass().getSimpleName(), e);
            }
            throw e;
        }
    }

    private static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    private record Reporting(SessionStore store) implements SessionStore {

        @Override
        public void create(Session session) {
            run(() -> store.create(session));
        }

        @Override
        public Optional<Session> findByToken(String token) {
            return call(() -> store.findByToken(token));
        }

        @Override
        public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
            return call(() -> store.updateExpiry(token, expiresAt, updatedAt));
        }

        @Override
        public Optional<Session> refreshExpiry(String token, Instant ifNotAfter, Instant expiresAt,
                                               Instant updatedAt) {
            return call(() -> store.refreshExpiry(token, ifNotAfter, expiresAt, updatedAt));
        }

        @Override
        public Optional<Session> updateAdditional(String token, Map<String, Object> changes, Instant updatedAt) {
            return call(() -> store.updateAdditional(token, changes, updatedAt));
        }

        @Override
        public void delete(String token) {
            run(() -> store.delete(token));
        }

        @Override
        public List<Session> listByUser(String userId) {
            return call(() -> store.listByUser(userId));
        }

        @Override
        public void deleteByUser(String userId) {
            run(() -> store.deleteByUser(userId));
        }

        @Override
        public Optional<SessionAndUser> findWithUser(String token, UserStore users) {
            return call(() -> store.findWithUser(token, users));
        }

        @Override
        public void userUpdated(User user) {
            run(() -> store.userUpdated(user));
        }
    }
}
