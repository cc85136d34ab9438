package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.hashed.HashedTokenSessionStore;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * {@code hash-tokens} over Better Auth's secondary-storage layout (as in Redis): the keys and the stored JSON hold
 * {@code SHA-256(token)}, never the token.
 */
class HashedTokenSecondaryStoreTest extends StoreContract implements HashedTokenChecks {

    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemorySecondaryStorage storage = new InMemorySecondaryStorage(Clock.systemUTC());
    private final SecondaryStorageSessionStore raw = new SecondaryStorageSessionStore(storage, users, Clock.systemUTC());
    private final HashedTokenSessionStore sessions = new HashedTokenSessionStore(raw);

    @Override
    protected SessionStore sessions() {
        return sessions;
    }

    @Override
    protected UserStore users() {
        return users;
    }

    @Override
    public SessionStore hashed() {
        return sessions;
    }

    @Override
    public SessionStore raw() {
        return raw;
    }

    @Override
    public User someUser() {
        return newUser(email());
    }

    @Test
    void neitherKeysNorValuesHoldTheToken() {
        Session s = createHashed(someUser());
        assertThat(storage.keys()).contains(HashedTokenSessionStore.hash(s.token())).doesNotContain(s.token());
        for (String key : storage.keys()) {
            assertThat(storage.get(key).orElse("")).doesNotContain(s.token());
        }
    }

    /** As the contract's, except that listed sessions carry a stored reference, never the token. */
    @Override
    @Test
    void listByUser_returnsOnlyThatUsersSessions_inCreationOrder() {
        User u = newUser(email());
        User other = newUser(email());
        Session first = newSession(u, T0);
        Session foreign = newSession(other, T0.plusSeconds(1));
        Session second = newSession(u, T0.plusSeconds(2));
        assertThat(sessions().listByUser(u.id())).extracting(Session::id).containsExactly(first.id(), second.id());
        assertThat(sessions().listByUser(other.id())).extracting(Session::id).containsExactly(foreign.id());
        assertThat(sessions().listByUser(u.id())).extracting(Session::token).allMatch(t -> t.startsWith("sha256:"));
    }
}
