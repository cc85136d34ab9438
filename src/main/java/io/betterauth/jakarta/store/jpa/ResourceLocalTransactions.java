package io.betterauth.jakarta.store.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.util.function.Function;

/**
 * {@link JpaTransactions} over a resource-local {@link EntityManagerFactory}: one entity manager and transaction per
 * unit of work. A unit of work started inside another one on the same thread joins it (as JTA's {@code REQUIRED}
 * does in a container): it uses the outer entity manager and connection, and its failure rolls the outer one back.
 * Without that, a nested unit of work would take a second pooled connection while the first is held.
 */
public final class ResourceLocalTransactions implements JpaTransactions {

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public ResourceLocalTransactions(EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager outer = current.get();
        if (outer != null) {
            return work.apply(outer);
        }
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        current.set(em);
        try {
            try {
                tx.begin();
            } catch (PersistenceException e) {
                throw e;
            } catch (RuntimeException e) {
                // A provider's own exception when no connection can be had (EclipseLink's DatabaseException).
                throw new PersistenceException("Could not begin a transaction", e);
            }
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            current.remove();
            em.close();
        }
    }
}
