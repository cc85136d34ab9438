package io.betterauth.jakarta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.store.jpa.JpaTransactions;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a unit of work skips the transaction interceptor only when the container says the thread has no
 * transaction; with one, or when nobody can say (Tomcat, a failed lookup), it goes through the interceptor.
 */
class StoreTransactionBoundaryTest {

    @Test
    void onlyANoTransactionStatus_letsWorkSkipTheInterceptor() {
        assertThat(StoreTransactionBoundary.noCallerTransaction(registry(Status.STATUS_NO_TRANSACTION))).isTrue();
        assertThat(StoreTransactionBoundary.noCallerTransaction(registry(Status.STATUS_ACTIVE))).isFalse();
        assertThat(StoreTransactionBoundary.noCallerTransaction(registry(Status.STATUS_MARKED_ROLLBACK))).isFalse();
        assertThat(StoreTransactionBoundary.noCallerTransaction(registry(Status.STATUS_UNKNOWN))).isFalse();
        assertThat(StoreTransactionBoundary.noCallerTransaction(null)).isFalse();
        assertThat(StoreTransactionBoundary.noCallerTransaction(failing())).isFalse();
    }

    @Test
    void withoutARegistryToAsk_everyUnitOfWorkGoesThroughTheInterceptor() {
        List<String> intercepted = new ArrayList<>();
        StoreTransactionBoundary boundary = new StoreTransactionBoundary() {
            @Override
            public <T> T outsideCallerTransaction(java.util.function.Supplier<T> work) {
                intercepted.add("call");
                return work.get();
            }
        };
        JpaTransactions tx = boundary.around(new JpaTransactions() {
            @Override
            public <T> T inTransaction(java.util.function.Function<jakarta.persistence.EntityManager, T> work) {
                return work.apply(null);
            }
        });
        assertThat(tx.outsideCallerTransaction(() -> "read")).isEqualTo("read");
        assertThat(tx.<String>inTransaction(em -> "unit")).isEqualTo("unit");
        assertThat(intercepted).hasSize(2);
    }

    private static TransactionSynchronizationRegistry registry(int status) {
        return new Registry() {
            @Override
            public int getTransactionStatus() {
                return status;
            }
        };
    }

    private static TransactionSynchronizationRegistry failing() {
        return new Registry() {
            @Override
            public int getTransactionStatus() {
                throw new IllegalStateException("no transaction manager");
            }
        };
    }

    private abstract static class Registry implements TransactionSynchronizationRegistry {
        @Override
        public Object getTransactionKey() {
            return null;
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
