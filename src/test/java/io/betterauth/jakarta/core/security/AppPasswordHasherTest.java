package io.betterauth.jakarta.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuth;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuthTest;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.core.session.SessionManagerTest;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

/**
 * Better Auth's {@code emailAndPassword.password.hash/verify}: an app's {@code spi.PasswordHasher} (here one that
 * migrates bcrypt users: verify bcrypt or scrypt, hash scrypt) is what sign-in, sign-up, change-password and
 * delete-user use, within the same concurrency bound as the built-in scrypt.
 */
class AppPasswordHasherTest {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    /** The README's migrating hasher, recording its calls. */
    static final class Migrating implements io.betterauth.jakarta.spi.PasswordHasher {
        final Scrypt scrypt = new Scrypt();
        final List<String> calls = new ArrayList<>();

        @Override
        public String hash(String password) {
            calls.add("hash");
            return scrypt.hash(password);
        }

        @Override
        public boolean verify(String hash, String password) {
            calls.add(hash.startsWith("$2") ? "verify-bcrypt" : "verify-scrypt");
            return hash.startsWith("$2") ? OpenBSDBCrypt.checkPassword(hash, password.toCharArray())
                    : scrypt.verify(hash, password);
        }
    }

    final Migrating app = new Migrating();
    final Semaphore permits = new Semaphore(1, true);
    final PasswordHasher hasher = new PasswordHasher(app, true, permits, Duration.ofMillis(50));
    final BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true)
            .secret(SessionManagerTest.SECRET).baseUrl("http://localhost:3000").deleteUserEnabled(true).build();
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemorySessionStore sessions = new InMemorySessionStore();
    final SessionManager manager = new SessionManager(config, sessions, users, new SessionCookies(config),
            new IdGenerator(), new MutableClock(NOW));
    final EmailPasswordAuth auth = new EmailPasswordAuth(config, users, manager, hasher, new IdGenerator());
    final Endpoints api = Endpoints.of(config, manager, sessions, users, hasher);

    static RequestBody body(String json) {
        return EmailPasswordAuthTest.body(json);
    }

    /** A user migrated from another system: {@code account.password} holds a bcrypt hash. */
    String migratedUser(String email, String password) {
        String bcrypt = OpenBSDBCrypt.generate(password.toCharArray(), "0123456789abcdef".getBytes(
                StandardCharsets.US_ASCII), 4);
        User user = new User("u-" + email, "Migrated", email, false, null, NOW, NOW);
        users.create(user, new Account("a-" + email, user.id(), Account.CREDENTIAL_PROVIDER, user.id(), bcrypt,
                NOW, NOW));
        return user.id();
    }

    int signIn(String email, String password) {
        try {
            return auth.signIn(body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"),
                    ClientInfo.UNKNOWN, RequestCookies.empty()).status();
        } catch (AuthException e) {
            return e.status();
        }
    }

    @Test
    void aBcryptUser_signsInWithTheAppsHasher_andAWrongPasswordIs401() {
        migratedUser("old@example.com", "bcrypt-pass-1");

        assertThat(signIn("old@example.com", "wrong-pass-1")).isEqualTo(401);
        assertThat(signIn("old@example.com", "bcrypt-pass-1")).isEqualTo(200);
        assertThat(app.calls).containsExactly("verify-bcrypt", "verify-bcrypt");
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void signUpAndChangePassword_storeWhatTheAppsHasherAnswers() {
        String userId = migratedUser("old@example.com", "bcrypt-pass-1");
        RequestCookies device = SessionManagerTest.browser(auth.signIn(body(
                "{\"email\":\"old@example.com\",\"password\":\"bcrypt-pass-1\"}"), ClientInfo.UNKNOWN,
                RequestCookies.empty()).setCookies());

        api.account().changePassword(device, ClientInfo.UNKNOWN, "bcrypt-pass-1", "scrypt-pass-2", false);
        String stored = users.findCredentialAccount(userId).orElseThrow().password();
        assertThat(stored).matches("[0-9a-f]{32}:[0-9a-f]{128}"); // re-hashed in Better Auth's scrypt format
        assertThat(signIn("old@example.com", "scrypt-pass-2")).isEqualTo(200);

        auth.signUp(body("{\"name\":\"N\",\"email\":\"new@example.com\",\"password\":\"new-pass-123\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty());
        String newId = users.findByEmail("new@example.com").orElseThrow().id();
        assertThat(new Scrypt().verify(users.findCredentialAccount(newId).orElseThrow().password(), "new-pass-123"))
                .isTrue();
        assertThat(app.calls).containsExactly("verify-bcrypt", "hash", "verify-bcrypt", "verify-scrypt", "hash");
    }

    @Test
    void deleteUserWithAPassword_isCheckedByTheAppsHasher() {
        String userId = migratedUser("old@example.com", "bcrypt-pass-1");
        RequestCookies device = SessionManagerTest.browser(auth.signIn(body(
                "{\"email\":\"old@example.com\",\"password\":\"bcrypt-pass-1\"}"), ClientInfo.UNKNOWN,
                RequestCookies.empty()).setCookies());

        assertThatThrownBy(() -> api.account().deleteUser(device, "wrong-pass-1"))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(users.findById(userId)).isPresent();
        assertThat(api.account().deleteUser(device, "bcrypt-pass-1").value()).isTrue();
        assertThat(users.findById(userId)).isEmpty();
    }

    @Test
    void anUnknownEmail_isHashedAnyway_asBetterAuthDoes() {
        assertThat(signIn("nobody@example.com", "some-pass-1")).isEqualTo(401);
        assertThat(app.calls).containsExactly("hash");
    }

    @Test
    void theAppsHasher_getsTheSameBound_asTheBuiltInScrypt() {
        migratedUser("old@example.com", "bcrypt-pass-1");
        permits.acquireUninterruptibly(); // another request's hash
        PasswordHashBoundTest.busy(() -> auth.signIn(body(
                "{\"email\":\"old@example.com\",\"password\":\"bcrypt-pass-1\"}"), ClientInfo.UNKNOWN,
                RequestCookies.empty()));
        assertThat(app.calls).isEmpty();
        permits.release();
        assertThat(signIn("old@example.com", "bcrypt-pass-1")).isEqualTo(200);
    }

    @Test
    void anAppsHasherThatThrows_isAWrongPassword_not500() {
        PasswordHasher throwing = new PasswordHasher(new io.betterauth.jakarta.spi.PasswordHasher() {
            @Override
            public String hash(String password) {
                return "x";
            }

            @Override
            public boolean verify(String hash, String password) {
                throw new IllegalArgumentException("not a bcrypt string");
            }
        }, true, new Semaphore(1), Duration.ofMillis(50));
        assertThat(throwing.verify("pw", "$2y$garbage")).isFalse();
        assertThat(throwing.verify("pw", null)).isFalse();
    }

    @Test
    void anAppsHasherThatCannotHashTheInput_answersAnUnknownEmail401_likeAKnownOne_not500() {
        // A bcrypt-style hasher refuses passwords past 72 bytes, in hash and in verify alike.
        io.betterauth.jakarta.spi.PasswordHasher strictBcrypt = new io.betterauth.jakarta.spi.PasswordHasher() {
            @Override
            public String hash(String password) {
                if (password.length() > 72) {
                    throw new IllegalArgumentException("password longer than 72 bytes");
                }
                return app.hash(password);
            }

            @Override
            public boolean verify(String hash, String password) {
                if (password.length() > 72) {
                    throw new IllegalArgumentException("password longer than 72 bytes");
                }
                return app.verify(hash, password);
            }
        };
        EmailPasswordAuth strict = new EmailPasswordAuth(config, users,  manager,
                new PasswordHasher(strictBcrypt, true, new Semaphore(1), Duration.ofMillis(50)), new IdGenerator());
        migratedUser("known@example.com", "bcrypt-pass-1");
        String longPassword = "p".repeat(100);

        for (String email : new String[] {"unknown@example.com", "known@example.com"}) {
            assertThatThrownBy(() -> strict.signIn(body("{\"email\":\"" + email + "\",\"password\":\"" + longPassword
                    + "\"}"), ClientInfo.UNKNOWN, RequestCookies.empty()))
                    .as(email).isInstanceOf(AuthException.class)
                    .satisfies(e -> assertThat(((AuthException) e).code()).isEqualTo("INVALID_EMAIL_OR_PASSWORD"));
        }
    }
}
