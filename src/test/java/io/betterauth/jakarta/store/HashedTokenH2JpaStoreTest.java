package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.store.hashed.HashedTokenSessionStore;
import org.junit.jupiter.api.Test;

/** The whole JPA contract (on H2), and the hashing checks, with {@code hash-tokens} wrapping the JPA store. */
class HashedTokenH2JpaStoreTest extends H2JpaStoreTest implements HashedTokenChecks {

    private HashedTokenSessionStore hashed;

    @Override
    protected SessionStore sessions() {
        if (hashed == null) {
            hashed = new HashedTokenSessionStore(super.sessions());
        }
        return hashed;
    }

    @Override
    public SessionStore hashed() {
        return sessions();
    }

    @Override
    public SessionStore raw() {
        return super.sessions();
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
        assertThat(sessions().listByUser(u.id())).extracting(Session::token).allMatch(t -> t.startsWith("sha256:"));
    }
}
