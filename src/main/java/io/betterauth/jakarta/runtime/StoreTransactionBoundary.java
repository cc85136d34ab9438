package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.store.jpa.JpaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where every unit of work of the library's store starts: outside the caller's JTA transaction, which the container
 * suspends for the call (Payara, WildFly; on Tomcat there is none and the annotation does nothing). The library's
 * persistence unit is resource-local, so its writes commit on their own, whatever the caller's transaction does; a
 * connection taken while the caller's transaction ran would be enlisted in it.
 *
 * <p>Most units of work (every get-session) come from a thread with no transaction to suspend; those skip the
 * interceptor, whose chain cost more than the read itself in bench/run's db profile. Whether there is one is asked
 * of the container's {@link TransactionSynchronizationRegistry}, looked up once; where there is none to look up
 * (Tomcat, or a lookup that failed) every unit of work goes through the interceptor, as it always did.
 */
@ApplicationScoped
public class StoreTransactionBoundary {

    static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T outsideCallerTransaction(Supplier<T> work) {
        return work.get();
    }

    /** {@code transactions}, each unit of work started through this boundary. */
    JpaTransactions around(JpaTransactions transactions) {
        StoreTransactionBoundary self = this;
        TransactionSynchronizationRegistry registry = registry();
        return new JpaTransactions() {
            @Override
            public <T> T inTransaction(Function<EntityManager, T> work) {
                return outsideCallerTransaction(() -> transactions.inTransaction(work));
            }

            @Override
            public <T> T outsideCallerTransaction(Supplier<T> work) {
                return noCallerTransaction(registry) ? work.get() : self.outsideCallerTransaction(work);
            }
        };
    }

    /** Whether the thread certainly runs in no JTA transaction; when unsure, no. */
    static boolean noCallerTransaction(TransactionSynchronizationRegistry registry) {
        try {
            return registry != null && registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static TransactionSynchronizationRegistry registry() {
        try {
            return InitialContext.doLookup(REGISTRY);
        } catch (NamingException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
