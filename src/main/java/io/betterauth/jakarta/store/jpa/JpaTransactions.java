package io.betterauth.jakarta.store.jpa;

import jakarta.persistence.EntityManager;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a unit of work with an {@link EntityManager} in a transaction. In a container this is a JTA transaction
 * around the library's persistence unit; outside one (tests, Tomcat) it is a resource-local transaction.
 */
@FunctionalInterface
public interface JpaTransactions {

    <T> T inTransaction(Function<EntityManager, T> work);

    /**
     * Runs work that takes a connection of its own, in autocommit, outside any transaction of the caller's (where a
     * connection would be enlisted in it). Here: as it is; in a container, the store's boundary suspends the
     * caller's JTA transaction first when the thread has one.
     */
    default <T> T outsideCallerTransaction(Supplier<T> work) {
        return work.get();
    }
}
