package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.store.jpa.JpaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where every unit of work of the library's store starts: outside the caller's JTA transaction, which the container
 * suspends for the call (Payara, WildFly; on Tomcat there is none and the annotation does nothing). The library's
 * persistence unit is resource-local, so its writes commit on their own, whatever the caller's transaction does; a
 * connection taken while the caller's transaction ran would be enlisted in it.
 */
@ApplicationScoped
public class StoreTransactionBoundary {

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T outsideCallerTransaction(Supplier<T> work) {
        return work.get();
    }

    /** {@code transactions}, each unit of work started through this boundary. */
    JpaTransactions around(JpaTransactions transactions) {
        StoreTransactionBoundary self = this;
        return new JpaTransactions() {
            @Override
            public <T> T inTransaction(Function<EntityManager, T> work) {
                return self.outsideCallerTransaction(() -> transactions.inTransaction(work));
            }
        };
    }
}
