package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** An application's own {@link UserStore} without a {@code SessionStore}: a mistake the start-up must report. */
@ApplicationScoped
public class LoneUserStore implements UserStore {

    private final UserStore users = new InMemoryUserStore();

    @Override
    public void create(User user, Account credential) {
        users.create(user, credential);
    }

    @Override
    public Optional<User> findById(String id) {
        return users.findById(id);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return users.findByEmail(email);
    }

    @Override
    public Optional<Account> findCredentialAccount(String userId) {
        return users.findCredentialAccount(userId);
    }

    @Override
    public Optional<User> update(User user) {
        return users.update(user);
    }

    @Override
    public void updatePassword(String userId, String passwordHash, Instant updatedAt) {
        users.updatePassword(userId, passwordHash, updatedAt);
    }

    @Override
    public void delete(String userId) {
        users.delete(userId);
    }
}
