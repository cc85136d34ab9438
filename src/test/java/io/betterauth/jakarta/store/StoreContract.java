package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.DuplicateEmailException;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SessionStore} and {@link UserStore} must have; run against memory, JPA/H2,
 * JPA/PostgreSQL and JPA/MariaDB by its subclasses.
 */
public abstract class StoreContract {

    /** A millisecond instant, as Better Auth stores dates. */
    static final Instant T0 = Instant.parse("2030-01-01T10:20:30.456Z");
    final IdGenerator ids = new IdGenerator();

    protected abstract SessionStore sessions();

    protected abstract UserStore users();

    User newUser(String email) {
        User u = new User(ids.generate(), "Test User", email, false, null, T0, T0);
        users().create(u, new Account(ids.generate(), u.id(), Account.CREDENTIAL_PROVIDER, u.id(),
                "00ff:abcd", T0, T0));
        return u;
    }

    Session newSession(User u, Instant createdAt) {
        Session s = new Session(ids.generate(), ids.generate(), u.id(), createdAt.plusSeconds(604800), createdAt,
                createdAt, "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64) \u00e9\u00e8");
        sessions().create(s);
        return s;
    }

    String email() {
        return ids.generate(12).toLowerCase() + "@example.com";
    }

    @Test
    void createdSession_isFoundByToken_withEveryFieldIntact() {
        User u = newUser(email());
        Session s = newSession(u, T0);
        assertThat(sessions().findByToken(s.token())).contains(s);
        assertThat(sessions().findByToken(ids.generate())).isEmpty();
    }

    @Test
    void findWithUser_answersTheSessionAndItsUser_andNothingForAnUnknownToken() {
        User u = newUser(email());
        Session s = newSession(u, T0);
        assertThat(sessions().findWithUser(s.token(), users())).contains(new SessionAndUser(s, u));
        assertThat(sessions().findWithUser(ids.generate(), users())).isEmpty();
    }

    @Test
    void updateExpiry_slidesExpiryAndUpdatedAt_keepsCreatedAt() {
        User u = newUser(email());
        Session s = newSession(u, T0);
        Instant later = T0.plusSeconds(86400);
        Session updated = sessions().updateExpiry(s.token(), later.plusSeconds(604800), later).orElseThrow();
        assertThat(updated).isEqualTo(s.withExpiry(later.plusSeconds(604800), later));
        assertThat(sessions().findByToken(s.token())).contains(updated);
    }

    @Test
    void updateExpiry_ofAMissingSession_writesNothing() {
        String token = ids.generate();
        assertThat(sessions().updateExpiry(token, T0, T0)).isEmpty();
        assertThat(sessions().findByToken(token)).isEmpty();
    }

    @Test
    void refreshExpiry_slidesOnlyWhileDue_andAnswersTheRowAsStored() { // T-16
        User u = newUser(email());
        Session s = newSession(u, T0); // expiresAt = T0 + 7 d
        Instant later = T0.plusSeconds(86400);
        Instant slid = later.plusSeconds(604800);
        // Due (expiresAt <= ifNotAfter): written.
        Session first = sessions().refreshExpiry(s.token(), s.expiresAt(), slid, later).orElseThrow();
        assertThat(first).isEqualTo(s.withExpiry(slid, later));
        // Asked again with the same condition (a concurrent request that saw the old row): nothing written, the
        // row as the first refresh left it is the answer.
        Session second = sessions().refreshExpiry(s.token(), s.expiresAt(), slid.plusSeconds(5), later.plusSeconds(5))
                .orElseThrow();
        assertThat(second).isEqualTo(first);
        assertThat(sessions().findByToken(s.token())).contains(first);
        assertThat(sessions().refreshExpiry(ids.generate(), slid, slid, later)).isEmpty();
    }

    @Test
    void refreshExpiry_concurrentCallers_allGetTheOneWrite() throws Exception { // T-16
        User u = newUser(email());
        Session s = newSession(u, T0);
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Session>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Instant at = T0.plusSeconds(86400).plusMillis(i); // each caller would write its own updatedAt
                results.add(pool.submit(() -> sessions().refreshExpiry(s.token(), s.expiresAt(),
                        at.plusSeconds(604800), at).orElseThrow()));
            }
            List<Session> seen = new ArrayList<>();
            for (Future<Session> r : results) {
                seen.add(r.get());
            }
            // Had two callers written, the one that wrote last would answer a different row than the first.
            assertThat(seen).containsOnly(seen.get(0));
            assertThat(sessions().findByToken(s.token())).contains(seen.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void delete_removesOnlyThatSession_andDeletingAgainIsHarmless() {
        User u = newUser(email());
        Session a = newSession(u, T0);
        Session b = newSession(u, T0.plusSeconds(1));
        sessions().delete(a.token());
        sessions().delete(a.token());
        assertThat(sessions().findByToken(a.token())).isEmpty();
        assertThat(sessions().findByToken(b.token())).contains(b);
    }

    @Test
    void listByUser_returnsOnlyThatUsersSessions_inCreationOrder() {
        User u = newUser(email());
        User other = newUser(email());
        Session first = newSession(u, T0);
        Session foreign = newSession(other, T0.plusSeconds(1));
        Session second = newSession(u, T0.plusSeconds(2));
        assertThat(sessions().listByUser(u.id())).containsExactly(first, second);
        assertThat(sessions().listByUser(other.id())).containsExactly(foreign);
    }

    @Test
    void deleteByUser_removesEveryOneOfTheirSessions_andNoOneElses() {
        User u = newUser(email());
        User other = newUser(email());
        newSession(u, T0);
        newSession(u, T0.plusSeconds(1));
        Session kept = newSession(other, T0);
        sessions().deleteByUser(u.id());
        assertThat(sessions().listByUser(u.id())).isEmpty();
        assertThat(sessions().findByToken(kept.token())).contains(kept);
    }

    @Test
    void duplicateToken_isRejected() {
        User u = newUser(email());
        Session s = newSession(u, T0);
        Session clash = new Session(ids.generate(), s.token(), u.id(), s.expiresAt(), T0, T0, "", "");
        assertThatThrownBy(() -> sessions().create(clash)).isInstanceOf(RuntimeException.class);
        assertThat(sessions().findByToken(s.token())).contains(s);
    }

    @Test
    void users_areFoundByIdAndEmail_withTheirCredentialAccount() {
        User u = newUser(email());
        assertThat(users().findById(u.id())).contains(u);
        assertThat(users().findByEmail(u.email())).contains(u);
        Account credential = users().findCredentialAccount(u.id()).orElseThrow();
        assertThat(credential.accountId()).isEqualTo(u.id());
        assertThat(credential.providerId()).isEqualTo("credential");
        assertThat(credential.password()).isEqualTo("00ff:abcd");
        assertThat(users().findById(ids.generate())).isEmpty();
        assertThat(users().findByEmail("nobody-" + email())).isEmpty();
    }

    @Test
    void duplicateEmail_isRejected_andTheFirstUserIsUntouched() {
        String email = email();
        User first = newUser(email);
        assertThatThrownBy(() -> newUser(email)).isInstanceOf(DuplicateEmailException.class);
        assertThat(users().findByEmail(email)).contains(first);
    }

    @Test
    void updatingAUser_changesNameImageAndUpdatedAt_only() {
        User u = newUser(email());
        Instant later = T0.plusSeconds(60);
        User changed = new User(u.id(), "New Name", "ignored@example.com", true, "https://img.example/x.png", T0, later);
        assertThat(users().update(changed)).contains(new User(u.id(), "New Name", u.email(), false,
                "https://img.example/x.png", T0, later));
        assertThat(users().findById(u.id()).orElseThrow().name()).isEqualTo("New Name");
        assertThat(users().update(new User(ids.generate(), "x", "x@example.com", false, null, T0, T0))).isEmpty();
    }

    @Test
    void updatePassword_replacesTheCredentialHash() {
        User u = newUser(email());
        users().updatePassword(u.id(), "aaaa:bbbb", T0.plusSeconds(5));
        Account credential = users().findCredentialAccount(u.id()).orElseThrow();
        assertThat(credential.password()).isEqualTo("aaaa:bbbb");
        assertThat(credential.updatedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void deletingAUser_removesTheUserAndTheirAccount_andFreesTheEmail() {
        String email = email();
        User u = newUser(email);
        sessions().deleteByUser(u.id());
        users().delete(u.id());
        assertThat(users().findById(u.id())).isEmpty();
        assertThat(users().findByEmail(email)).isEmpty();
        assertThat(users().findCredentialAccount(u.id())).isEmpty();
        User again = newUser(email);
        assertThat(users().findByEmail(email)).contains(again);
    }

    @Test
    void concurrentSignUpsWithOneEmail_createExactlyOneUser() throws Exception {
        String email = email();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Boolean> signUp = () -> {
                    try {
                        newUser(email);
                        return true;
                    } catch (DuplicateEmailException e) {
                        return false;
                    }
                };
                results.add(pool.submit(signUp));
            }
            int created = 0;
            for (Future<Boolean> r : results) {
                created += r.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
