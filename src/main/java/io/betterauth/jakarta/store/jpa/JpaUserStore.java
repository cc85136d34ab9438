package io.betterauth.jakarta.store.jpa;

import static io.betterauth.jakarta.store.jpa.StoreTransactions.deleteWhere;
import static io.betterauth.jakarta.store.jpa.StoreTransactions.first;

import io.betterauth.jakarta.store.jpa.schema.AdditionalColumns;
import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.session.AdditionalFields;
import io.betterauth.jakarta.spi.DuplicateEmailException;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.spi.StoreProbe;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@link UserStore} on Better Auth's {@code user} and {@code account} tables through Jakarta Persistence. */
public final class JpaUserStore implements UserStore, StoreProbe {

    private final StoreTransactions tx;
    private final AdditionalColumns columns;

    public JpaUserStore(JpaTransactions tx) {
        this(tx, new AdditionalColumns(AdditionalFields.none(), "user", "id", '"'));
    }

    /** With the app's additional user fields, stored in their own columns. */
    public JpaUserStore(JpaTransactions tx, AdditionalColumns columns) {
        this.tx = new StoreTransactions(tx);
        this.columns = columns;
    }

    /** The additional columns this store reads with a user (get-session's one statement reads them too). */
    AdditionalColumns columns() {
        return columns;
    }

    private User withColumns(EntityManager em, UserEntity e) {
        User u = e.toUser();
        if (columns.isEmpty()) {
            return u;
        }
        em.flush();
        return u.withAdditional(columns.read(em, u.id()));
    }

    private static TypedQuery<UserEntity> byEmail(EntityManager em, String email) {
        return em.createQuery("select u from BetterAuthUser u where u.email = :email", UserEntity.class)
                .setParameter("email", email);
    }

    private static TypedQuery<AccountEntity> credentialAccounts(EntityManager em, String userId) {
        return em.createQuery("select a from BetterAuthAccount a where a.userId = :userId and a.providerId = :provider",
                        AccountEntity.class)
                .setParameter("userId", userId)
                .setParameter("provider", Account.CREDENTIAL_PROVIDER);
    }

    @Override
    public void create(User user, Account credential) {
        try {
            tx.runUnguarded(em -> {
                if (!em.createQuery("select u.id from BetterAuthUser u where u.email = :email", String.class)
                        .setParameter("email", user.email()).getResultList().isEmpty()) {
                    throw new DuplicateEmailException(user.email(), null);
                }
                em.persist(new UserEntity(user));
                // The account references the user: make sure the user row is written first on every provider.
                em.flush();
                if (!columns.isEmpty()) {
                    columns.write(em, user.id(), user.additional());
                }
                if (credential != null) {
                    em.persist(new AccountEntity(credential));
                }
                return null;
            });
        } catch (PersistenceException | TransactionalException e) {
            // A concurrent sign-up with the same email loses the race on the unique index.
            if (findByEmail(user.email()).isPresent()) {
                throw new DuplicateEmailException(user.email(), e);
            }
            throw StoreTransactions.unavailable(e);
        }
    }

    @Override
    public Optional<User> findById(String id) {
        return tx.run(em -> Optional.ofNullable(em.find(UserEntity.class, id)).map(e -> withColumns(em, e)));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return tx.run(em -> first(byEmail(em, email)).map(e -> withColumns(em, e)));
    }

    @Override
    public Optional<Account> findCredentialAccount(String userId) {
        return tx.run(em -> first(credentialAccounts(em, userId)).map(AccountEntity::toAccount));
    }

    @Override
    public Optional<User> update(User user) {
        return tx.run(em -> Optional.ofNullable(em.find(UserEntity.class, user.id())).map(e -> {
            e.updateProfile(user.name(), user.image(), user.updatedAt());
            if (!columns.isEmpty()) {
                em.flush();
                columns.write(em, user.id(), user.additional());
            }
            return withColumns(em, e);
        }));
    }

    @Override
    public void updatePassword(String userId, String passwordHash, Instant updatedAt) {
        tx.run(em -> {
            credentialAccounts(em, userId).getResultList().forEach(a -> a.updatePassword(passwordHash, updatedAt));
            return null;
        });
    }

    @Override
    public void delete(String userId) {
        tx.run(em -> {
            // Explicit deletes, not only the foreign keys' cascade: the tables may have been created without it.
            deleteWhere(em, "BetterAuthSession", "userId", userId);
            deleteWhere(em, "BetterAuthAccount", "userId", userId);
            return deleteWhere(em, "BetterAuthUser", "id", userId);
        });
    }

    /** A primary-key lookup bounded by the query timeout; {@code StoreUnavailableException} when it fails. */
    @Override
    public void probe(Duration timeout) {
        tx.probe("BetterAuthUser", timeout);
    }
}
