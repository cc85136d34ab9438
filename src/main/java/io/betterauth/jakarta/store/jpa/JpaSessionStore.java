package io.betterauth.jakarta.store.jpa;

import io.betterauth.jakarta.core.Session;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link SessionStore} on Better Auth's {@code session} table through Jakarta Persistence (any provider). */
public final class JpaSessionStore implements SessionStore {

    private final JpaTransactions tx;

    public JpaSessionStore(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void create(Session session) {
        guarded(() -> tx.inTransaction(em -> {
            em.persist(SessionEntity.of(session));
            return null;
        }));
    }

    @Override
    public Optional<Session> findByToken(String token) {
        return guarded(() -> tx.inTransaction(em -> em
                .createQuery("select s from BetterAuthSession s where s.token = :token", SessionEntity.class)
                .setParameter("token", token)
                .getResultList().stream().findFirst().map(SessionEntity::toSession)));
    }

    @Override
    public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
        return guarded(() -> tx.inTransaction(em -> em
                .createQuery("select s from BetterAuthSession s where s.token = :token", SessionEntity.class)
                .setParameter("token", token)
                .getResultList().stream().findFirst()
                .map(e -> {
                    e.slide(expiresAt, updatedAt);
                    return e.toSession();
                })));
    }

    @Override
    public void delete(String token) {
        guarded(() -> tx.inTransaction(em -> em
                .createQuery("delete from BetterAuthSession s where s.token = :token")
                .setParameter("token", token)
                .executeUpdate()));
    }

    @Override
    public List<Session> listByUser(String userId) {
        return guarded(() -> tx.inTransaction(em -> em
                .createQuery("select s from BetterAuthSession s where s.userId = :userId order by s.createdAt, s.id",
                        SessionEntity.class)
                .setParameter("userId", userId)
                .getResultList().stream().map(SessionEntity::toSession).toList()));
    }

    @Override
    public void deleteByUser(String userId) {
        guarded(() -> tx.inTransaction(em -> em
                .createQuery("delete from BetterAuthSession s where s.userId = :userId")
                .setParameter("userId", userId)
                .executeUpdate()));
    }

    /** Turns a database failure (also one a container reports at commit) into {@link StoreUnavailableException}. */
    static <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            throw new StoreUnavailableException("The store failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
