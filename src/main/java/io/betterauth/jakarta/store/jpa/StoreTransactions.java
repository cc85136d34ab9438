package io.betterauth.jakarta.store.jpa;

import io.betterauth.jakarta.spi.StoreUnavailableException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The JPA stores' units of work: {@link JpaTransactions}, with a database failure (also one a container reports at
 * commit) turned into {@link StoreUnavailableException}, so an endpoint answers 503 and nobody is signed out.
 */
final class StoreTransactions {

    private final JpaTransactions tx;

    StoreTransactions(JpaTransactions tx) {
        this.tx = tx;
    }

    /** {@code work} in one transaction. */
    <T> T run(Function<EntityManager, T> work) {
        try {
            return tx.inTransaction(work);
        } catch (PersistenceException | TransactionalException e) {
            throw unavailable(e);
        }
    }

    /** {@code work} on a connection of its own outside the caller's transaction (it maps its own failures). */
    <T> T outsideCallerTransaction(Supplier<T> work) {
        try {
            return tx.outsideCallerTransaction(work);
        } catch (PersistenceException | TransactionalException e) {
            throw unavailable(e);
        }
    }

    /** {@code work} in one transaction, its failures as they are (for a caller that tells some apart first). */
    <T> T runUnguarded(Function<EntityManager, T> work) {
        return tx.inTransaction(work);
    }

    /**
     * The stores' {@code StoreProbe}: one primary-key lookup on {@code entity} (cheap, and it proves the table is
     * there) with the query timeout set to {@code timeout}.
     */
    void probe(String entity, Duration timeout) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        run(em -> em.createQuery("select e.id from " + entity + " e where e.id = :id")
                .setParameter("id", "better-auth-health-probe")
                .setHint("jakarta.persistence.query.timeout", millis)
                .setMaxResults(1)
                .getResultList());
    }

    /** The outage a database failure stands for. */
    static StoreUnavailableException unavailable(RuntimeException failure) {
        return new StoreUnavailableException("The store failed: " + failure.getClass().getSimpleName(), failure);
    }

    /** The query's first row. */
    static <E> Optional<E> first(TypedQuery<E> query) {
        return query.getResultList().stream().findFirst();
    }

    /** {@code delete from <entity> e where e.<field> = :value}; the rows deleted. */
    static int deleteWhere(EntityManager em, String entity, String field, String value) {
        return em.createQuery("delete from " + entity + " e where e." + field + " = :value")
                .setParameter("value", value)
                .executeUpdate();
    }
}
