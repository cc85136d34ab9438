package io.betterauth.jakarta.spi;

import io.betterauth.jakarta.core.Account;
import io.betterauth.jakarta.core.User;
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
}
