package io.betterauth.jakarta.store.memory;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.DuplicateEmailException;
import io.betterauth.jakarta.spi.UserStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The reference {@link UserStore}: maps in this JVM, for development and tests. */
public final class InMemoryUserStore implements UserStore {

    private final Map<String, User> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByEmail = new ConcurrentHashMap<>();
    private final Map<String, Account> credentialByUser = new ConcurrentHashMap<>();

    @Override
    public void create(User user, Account credential) {
        if (idByEmail.putIfAbsent(user.email(), user.id()) != null) {
            throw new DuplicateEmailException(user.email(), null);
        }
        byId.put(user.id(), user);
        if (credential != null) {
            credentialByUser.put(user.id(), credential);
        }
    }

    @Override
    public Optional<User> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return Optional.ofNullable(idByEmail.get(email)).map(byId::get);
    }

    @Override
    public Optional<Account> findCredentialAccount(String userId) {
        return Optional.ofNullable(credentialByUser.get(userId));
    }

    @Override
    public Optional<User> update(User user) {
        return Optional.ofNullable(byId.computeIfPresent(user.id(), (id, old) ->
                new User(id, user.name(), old.email(), old.emailVerified(), user.image(), old.createdAt(), user.updatedAt(),
                        user.additional())));
    }

    @Override
    public void updatePassword(String userId, String passwordHash, Instant updatedAt) {
        credentialByUser.computeIfPresent(userId, (id, a) -> new Account(a.id(), a.accountId(), a.providerId(),
                a.userId(), passwordHash, a.createdAt(), updatedAt));
    }

    @Override
    public void delete(String userId) {
        User removed = byId.remove(userId);
        if (removed != null) {
            idByEmail.remove(removed.email(), userId);
        }
        credentialByUser.remove(userId);
    }
}
