package io.betterauth.jakarta.store.jpa;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * Runs a unit of work with an {@link EntityManager} in a transaction. In a container this is a JTA transaction
 * around the library's persistence unit; outside one (tests, Tomcat) it is a resource-local transaction.
 */
@FunctionalInterface
public interface JpaTransactions {

    <T> T inTransaction(Function<EntityManager, T> work);
}
