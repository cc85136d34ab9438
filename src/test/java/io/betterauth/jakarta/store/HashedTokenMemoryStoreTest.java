package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.hashed.HashedTokenSessionStore;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import org.junit.jupiter.api.Test;

/** The whole store contract, and the hashing checks, for the memory store behind {@code hash-tokens}. */
class HashedTokenMemoryStoreTest extends StoreContract implements HashedTokenChecks {

    private final InMemorySessionStore raw = new InMemorySessionStore();
    private final HashedTokenSessionStore sessions = new HashedTokenSessionStore(raw);
    private final InMemoryUserStore users = new InMemoryUserStore();

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
        assertThat(sessions().listByUser(u.id())).extracting(Session::token)
                .containsExactly(HashedTokenSessionStore.STORED_PREFIX + HashedTokenSessionStore.hash(first.token()),
                        HashedTokenSessionStore.STORED_PREFIX + HashedTokenSessionStore.hash(second.token()));
    }
}
