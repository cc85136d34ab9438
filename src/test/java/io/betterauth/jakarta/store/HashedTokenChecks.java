package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.store.hashed.HashedTokenSessionStore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code better-auth.session.hash-tokens} (T-02, T-03) over a real store: the store underneath only ever holds
 * {@code SHA-256(token)}; listed sessions carry no usable token but can still be revoked.
 */
interface HashedTokenChecks {

    Instant T = Instant.parse("2030-01-01T10:20:30.456Z");

    /** The store as the application sees it (hashing). */
    SessionStore hashed();

    /** The same store without the hashing wrapper: what a leaked table would show. */
    SessionStore raw();

    User someUser();

    default Session createHashed(User u) {
        IdGenerator ids = new IdGenerator();
        Session s = new Session(ids.generate(), ids.generate(), u.id(), T.plusSeconds(604800), T, T, "203.0.113.7", "UA");
        hashed().create(s);
        return s;
    }

    @Test
    default void theStoreKeepsOnlyTheSha256OfTheToken() {
        Session s = createHashed(someUser());
        String hash = HashedTokenSessionStore.hash(s.token());
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(raw().findByToken(s.token())).isEmpty();
        Session stored = raw().findByToken(hash).orElseThrow();
        assertThat(stored.token()).isEqualTo(hash);
        assertThat(stored.id()).isEqualTo(s.id());
        // the presented token finds the session, which comes back with that token and everything else intact
        assertThat(hashed().findByToken(s.token())).contains(s);
        // the stored hash is no token: presenting it finds nothing
        assertThat(hashed().findByToken(hash)).isEmpty();
        assertThat(hashed().findByToken(HashedTokenSessionStore.STORED_PREFIX + hash)).isEmpty();
    }

    @Test
    default void listedSessions_carryNoUsableToken_yetCanBeRefreshedAndRevoked() {
        User u = someUser();
        Session a = createHashed(u);
        Session b = createHashed(u);
        var listed = hashed().listByUser(u.id());
        assertThat(listed).extracting(Session::id).containsExactlyInAnyOrder(a.id(), b.id());
        for (Session l : listed) {
            assertThat(l.token()).isNotIn(a.token(), b.token()).startsWith(HashedTokenSessionStore.STORED_PREFIX);
            assertThat(hashed().findByToken(l.token())).isEmpty();
        }
        Session listedA = listed.stream().filter(s -> s.id().equals(a.id())).findFirst().orElseThrow();
        assertThat(hashed().updateExpiry(listedA.token(), T.plusSeconds(999), T.plusSeconds(1)))
                .map(Session::expiresAt).contains(T.plusSeconds(999));
        hashed().delete(listedA.token());
        assertThat(hashed().findByToken(a.token())).isEmpty();
        assertThat(hashed().findByToken(b.token())).isPresent();
    }

    @Test
    default void updatesAndDeletesByPresentedToken_hashItFirst() {
        Session s = createHashed(someUser());
        assertThat(hashed().updateExpiry(s.token(), T.plusSeconds(86400), T.plusSeconds(60)))
                .contains(s.withExpiry(T.plusSeconds(86400), T.plusSeconds(60)));
        assertThat(hashed().updateAdditional(s.token(), Map.of(), T.plusSeconds(61))).map(Session::token)
                .contains(s.token());
        assertThat(hashed().updateExpiry(new IdGenerator().generate(), T, T)).isEmpty();
        hashed().delete(s.token());
        assertThat(raw().findByToken(HashedTokenSessionStore.hash(s.token()))).isEmpty();
    }
}
