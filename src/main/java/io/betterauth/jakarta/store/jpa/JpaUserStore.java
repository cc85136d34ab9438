package io.betterauth.jakarta.store.jpa;

import static io.betterauth.jakarta.store.jpa.JpaSessionStore.guarded;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.DuplicateEmailException;
import io.betterauth.jakarta.spi.UserStore;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;

/** {@link UserStore} on Better Auth's {@code user} and {@code account} tables through Jakarta Persistence. */
public final class JpaUserStore implements UserStore {

    private final JpaTransactions tx;
    private final AdditionalColumns columns;

    public JpaUserStore(JpaTransactions tx) {
        this(tx, new AdditionalColumns(io.betterauth.jakarta.core.session.AdditionalFields.none(), "user", "id", '"'));
    }

    /** With the app's additional user fields, stored in their own columns. */
    public JpaUserStore(JpaTransactions tx, AdditionalColumns columns) {
        this.tx = tx;
        this.columns = columns;
    }

    private User withColumns(jakarta.persistence.EntityManager em, UserEntity e) {
        User u = e.toUser();
        if (columns.isEmpty()) {
            return u;
        }
        em.flush();
        return u.withAdditional(columns.read(em, u.id()));
    }

    @Override
    public void create(User user, Account credential) {
        try {
            tx.inTransaction(em -> {
                boolean taken = !em.createQuery("select u.id from BetterAuthUser u where u.email = :email", String.class)
                        .setParameter("email", user.email()).getResultList().isEmpty();
                if (taken) {
                    throw new DuplicateEmailException(user.email(), null);
                }
                em.persist(UserEntity.of(user));
                // The account references the user: make sure the user row is written first on every provider.
                em.flush();
                if (!columns.isEmpty()) {
                    columns.write(em, user.id(), user.additional());
                }
                if (credential != null) {
                    em.persist(AccountEntity.of(credential));
                }
                return null;
            });
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            // A concurrent sign-up with the same email loses the race on the unique index.
            if (findByEmail(user.email()).isPresent()) {
                throw new DuplicateEmailException(user.email(), e);
            }
            throw guardedFailure(e);
        }
    }

    @Override
    public Optional<User> findById(String id) {
        return guarded(() -> tx.inTransaction(em ->
                Optional.ofNullable(em.find(UserEntity.class, id)).map(e -> withColumns(em, e))));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return guarded(() -> tx.inTransaction(em -> em
                .createQuery("select u from BetterAuthUser u where u.email = :email", UserEntity.class)
                .setParameter("email", email)
                .getResultList().stream().findFirst().map(e -> withColumns(em, e))));
    }

    @Override
    public Optional<Account> findCredentialAccount(String userId) {
        return guarded(() -> tx.inTransaction(em -> em
                .createQuery("select a from BetterAuthAccount a where a.userId = :userId and a.providerId = :provider",
                        AccountEntity.class)
                .setParameter("userId", userId)
                .setParameter("provider", Account.CREDENTIAL_PROVIDER)
                .getResultList().stream().findFirst().map(AccountEntity::toAccount)));
    }

    @Override
    public Optional<User> update(User user) {
        return guarded(() -> tx.inTransaction(em -> Optional.ofNullable(em.find(UserEntity.class, user.id()))
                .map(e -> {
                    e.updateProfile(user.name(), user.image(), user.updatedAt());
                    if (!columns.isEmpty()) {
                        em.flush();
                        columns.write(em, user.id(), user.additional());
                    }
                    return withColumns(em, e);
                })));
    }

    @Override
    public void updatePassword(String userId, String passwordHash, Instant updatedAt) {
        guarded(() -> tx.inTransaction(em -> {
            em.createQuery("select a from BetterAuthAccount a where a.userId = :userId and a.providerId = :provider",
                            AccountEntity.class)
                    .setParameter("userId", userId)
                    .setParameter("provider", Account.CREDENTIAL_PROVIDER)
                    .getResultList().forEach(a -> a.updatePassword(passwordHash, updatedAt));
            return null;
        }));
    }

    @Override
    public void delete(String userId) {
        guarded(() -> tx.inTransaction(em -> {
            // Explicit deletes, not only the foreign keys' cascade: the tables may have been created without it.
            em.createQuery("delete from BetterAuthSession s where s.userId = :userId").setParameter("userId", userId)
                    .executeUpdate();
            em.createQuery("delete from BetterAuthAccount a where a.userId = :userId").setParameter("userId", userId)
                    .executeUpdate();
            return em.createQuery("delete from BetterAuthUser u where u.id = :userId").setParameter("userId", userId)
                    .executeUpdate();
        }));
    }

    private static RuntimeException guardedFailure(RuntimeException e) {
        return new io.betterauth.jakarta.spi.StoreUnavailableException(
                "The user store failed: " + e.getClass().getSimpleName(), e);
    }
}
