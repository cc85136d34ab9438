package io.betterauth.jakarta.store.jpa;

import static io.betterauth.jakarta.store.jpa.StoreTransactions.deleteWhere;
import static io.betterauth.jakarta.store.jpa.StoreTransactions.first;

import io.betterauth.jakarta.store.jpa.schema.AdditionalColumns;
import io.betterauth.jakarta.store.jpa.schema.SessionWithUserQuery;
import io.betterauth.jakarta.core.session.AdditionalFields;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.spi.ExpiredSessionPurge;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.spi.StoreProbe;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SessionStore} on Better Auth's {@code session} table through Jakarta Persistence (any provider). */
public final class JpaSessionStore implements SessionStore, ExpiredSessionPurge, StoreProbe {

    private static final String ENTITY = "BetterAuthSession";

    private final StoreTransactions tx;
    private final AdditionalColumns columns;
    private final SessionWithUserQuery withUser;

    public JpaSessionStore(JpaTransactions tx) {
        this(tx, new AdditionalColumns(AdditionalFields.none(), "session", "token", '"'));
    }

    /** With the app's additional session fields, stored in their own columns. */
    public JpaSessionStore(JpaTransactions tx, AdditionalColumns columns) {
        this(tx, columns, null);
    }

    /**
     * With the app's additional session fields, and get-session's read as one statement on the unit's data source
     * (null: through the entities).
     */
    public JpaSessionStore(JpaTransactions tx, AdditionalColumns columns, SessionWithUserQuery withUser) {
        this.tx = new StoreTransactions(tx);
        this.columns = columns;
        this.withUser = withUser;
    }

    private static Optional<SessionEntity> byToken(EntityManager em, String token) {
        return first(em.createQuery("select s from " + ENTITY + " s where s.token = :token", SessionEntity.class)
                .setParameter("token", token));
    }

    private Session withColumns(EntityManager em, SessionEntity e) {
        Session s = e.toSession();
        if (columns.isEmpty()) {
            return s;
        }
        em.flush();
        return s.withAdditional(columns.read(em, s.token()), s.updatedAt());
    }

    @Override
    public void create(Session session) {
        tx.run(em -> {
            em.persist(new SessionEntity(session));
            if (!columns.isEmpty()) {
                em.flush();
                columns.write(em, session.token(), session.additional());
            }
            return null;
        });
    }

    @Override
    public Optional<Session> findByToken(String token) {
        return tx.run(em -> byToken(em, token).map(e -> withColumns(em, e)));
    }

    /**
     * get-session's read. With {@link SessionWithUserQuery} for these users: one statement in autocommit, no entity
     * manager and no transaction (outside the caller's JTA transaction, if any, as every unit of work). Else both
     * reads in one unit of work, so that the user store's joins it: one transaction and one pooled connection.
     */
    @Override
    public Optional<SessionAndUser> findWithUser(String token, UserStore users) {
        if (withUser != null && users instanceof JpaUserStore jpaUsers && withUser.readsUsersWith(jpaUsers.columns())) {
            return tx.outsideCallerTransaction(() -> withUser.find(token));
        }
        return tx.run(em -> SessionStore.super.findWithUser(token, users));
    }

    @Override
    public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
        return tx.run(em -> byToken(em, token).map(e -> {
            e.slide(expiresAt, updatedAt);
            return withColumns(em, e);
        }));
    }

    /**
     * One conditional {@code UPDATE … WHERE token = ? AND expiresAt <= ?}: of concurrent refreshes, on any number of
     * instances, the database lets one write (the others re-check the condition after its commit and match no row),
     * then every caller reads the row as it now is.
     */
    @Override
    public Optional<Session> refreshExpiry(String token, Instant ifNotAfter, Instant expiresAt, Instant updatedAt) {
        return tx.run(em -> {
            em.createQuery("update " + ENTITY + " s set s.expiresAt = :expiresAt, s.updatedAt = :updatedAt"
                            + " where s.token = :token and s.expiresAt <= :ifNotAfter")
                    .setParameter("expiresAt", expiresAt)
                    .setParameter("updatedAt", updatedAt)
                    .setParameter("token", token)
                    .setParameter("ifNotAfter", ifNotAfter)
                    .executeUpdate();
            return byToken(em, token).map(e -> withColumns(em, e));
        });
    }

    @Override
    public Optional<Session> updateAdditional(String token, Map<String, Object> changes, Instant updatedAt) {
        return tx.run(em -> byToken(em, token).map(e -> {
            e.touch(updatedAt);
            em.flush();
            columns.write(em, token, changes);
            return withColumns(em, e);
        }));
    }

    @Override
    public void delete(String token) {
        tx.run(em -> deleteWhere(em, ENTITY, "token", token));
    }

    @Override
    public List<Session> listByUser(String userId) {
        return tx.run(em -> em
                .createQuery("select s from " + ENTITY + " s where s.userId = :userId order by s.createdAt, s.id",
                        SessionEntity.class)
                .setParameter("userId", userId)
                .getResultList().stream().map(e -> withColumns(em, e)).toList());
    }

    @Override
    public void deleteByUser(String userId) {
        tx.run(em -> deleteWhere(em, ENTITY, "userId", userId));
    }

    /**
     * Deletes expired sessions, then stale verification rows, by primary key: each batch selects at most
     * {@code batch} ids ({@code setMaxResults}, ordered so concurrent purges lock rows in the same order and cannot
     * deadlock) and deletes them in one short transaction. A row another instance deleted first counts nothing.
     */
    @Override
    public int purgeExpired(Instant now, int batch) {
        return purge(ENTITY, now, batch) + purge("BetterAuthVerification", now, batch);
    }

    private int purge(String entity, Instant now, int batch) {
        return tx.run(em -> {
            List<String> ids = em.createQuery("select e.id from " + entity + " e where e.expiresAt < :now order by e.id",
                            String.class)
                    .setParameter("now", now)
                    .setMaxResults(batch)
                    .getResultList();
            return ids.isEmpty() ? 0 : em.createQuery("delete from " + entity + " e where e.id in :ids")
                    .setParameter("ids", ids)
                    .executeUpdate();
        });
    }

    /** A primary-key lookup bounded by the query timeout; {@code StoreUnavailableException} when it fails. */
    @Override
    public void probe(Duration timeout) {
        tx.probe(ENTITY, timeout);
    }
}
