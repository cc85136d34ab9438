package io.betterauth.jakarta.it.existing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.function.Function;

/**
 * The existing application's transactional service: its one persistence unit through an unnamed
 * {@code @PersistenceContext} and a JTA transaction per call (Payara, WildFly). Tomcat injects no persistence context
 * and has no JTA: there the same unit is resource-local and the service runs its own transaction.
 */
@ApplicationScoped
public class NoteService {

    @PersistenceContext
    EntityManager em;

    private EntityManagerFactory tomcatFactory;

    @Transactional
    public <T> T inTransaction(Function<EntityManager, T> work) {
        if (em != null) {
            return work.apply(em);
        }
        EntityManager local = tomcatFactory().createEntityManager();
        try {
            local.getTransaction().begin();
            T result = work.apply(local);
            local.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (local.getTransaction().isActive()) {
                local.getTransaction().rollback();
            }
            throw e;
        } finally {
            local.close();
        }
    }

    private synchronized EntityManagerFactory tomcatFactory() {
        if (tomcatFactory == null) {
            tomcatFactory = Persistence.createEntityManagerFactory("notes");
        }
        return tomcatFactory;
    }
}
