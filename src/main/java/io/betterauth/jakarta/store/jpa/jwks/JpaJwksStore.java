package io.betterauth.jakarta.store.jpa.jwks;

import io.betterauth.jakarta.spi.JwkRecord;
import io.betterauth.jakarta.spi.JwksStore;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.store.jpa.JpaTransactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.util.List;
import java.util.function.Function;

/**
 * {@link JwksStore} on Better Auth's {@code jwks} table through Jakarta Persistence (EclipseLink and Hibernate
 * alike). A database failure is a {@link StoreUnavailableException}, as in the other JPA stores.
 */
public final class JpaJwksStore implements JwksStore {

    private final JpaTransactions tx;

    public JpaJwksStore(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<JwkRecord> all() {
        return run(em -> em.createQuery("select k from BetterAuthJwk k order by k.createdAt, k.id", JwkEntity.class)
                .getResultList().stream().map(JwkEntity::toRecord).toList());
    }

    @Override
    public void create(JwkRecord key) {
        run(em -> {
            em.persist(new JwkEntity(key));
            return null;
        });
    }

    private <T> T run(Function<EntityManager, T> work) {
        try {
            return tx.inTransaction(work);
        } catch (PersistenceException | TransactionalException e) {
            throw new StoreUnavailableException("The store failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
