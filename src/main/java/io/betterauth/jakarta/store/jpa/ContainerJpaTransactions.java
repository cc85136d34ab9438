package io.betterauth.jakarta.store.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.function.Function;

/**
 * {@link JpaTransactions} in a Jakarta EE container: the library's {@code better-auth} persistence unit (JTA, the
 * container's default data source) with a container-managed transaction around each unit of work.
 */
@ApplicationScoped
public class ContainerJpaTransactions implements JpaTransactions {

    @PersistenceContext(unitName = "better-auth")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public <T> T inTransaction(Function<EntityManager, T> work) {
        T result = work.apply(em);
        // Surface constraint and connection errors here, inside the unit of work, not later at commit.
        em.flush();
        return result;
    }
}
