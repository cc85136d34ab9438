package io.betterauth.jakarta.spi;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.User;
import java.util.Optional;

/** Where users and their credential accounts live: Better Auth's {@code user} and {@code account} tables. */
public interface UserStore {

    /**
     * Creates the user and its credential account together.
     *
     * @throws DuplicateEmailException when a user with this (lowercased) email exists
     */
    void create(User user, Account credential);

    Optional<User> findById(String id);

    /** Finds by the lowercased email. */
    Optional<User> findByEmail(String email);

    /** The user's {@code credential} account, which holds the password hash. */
    Optional<Account> findCredentialAccount(String userId);

    /** Writes the user's profile ({@code name}, {@code image}, {@code updatedAt}); empty when the user is gone. */
    Optional<User> update(User user);

    /** Replaces the password hash of the user's credential account and stamps its {@code updatedAt}. */
    void updatePassword(String userId, String passwordHash, java.time.Instant updatedAt);

    /** Deletes the user and their accounts (sessions are deleted by the caller through the session store). */
    void delete(String userId);
}
