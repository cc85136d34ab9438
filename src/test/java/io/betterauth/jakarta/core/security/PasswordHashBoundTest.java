package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.config.ConfigSource;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.ConcurrentSignInHeapTest;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuth;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuthTest;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.core.session.SessionManagerTest;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, finding 6: scrypt allocates 32 MiB per derivation, so derivations are bounded. When every turn is taken
 * (here: a test holds the only permit), each endpoint that hashes answers 503 in Better Auth's shape with
 * {@code Retry-After}, having changed nothing, and works again once a turn is free. The heap itself is exercised by
 * {@link ConcurrentSignInHeapTest}.
 */
class PasswordHashBoundTest {

    static final String BUSY = "{\"message\":\"Too many password checks at once, try again shortly\","
            + "\"code\":\"SERVICE_UNAVAILABLE\"}";

    final Semaphore permits = new Semaphore(1, true);
    final PasswordHasher hasher = new PasswordHasher(new SecureRandom(), permits, Duration.ofMillis(50));
    final BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
            .baseUrl("http://localhost:3000").deleteUserEnabled(true).build();
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemorySessionStore sessions = new InMemorySessionStore();
    final SessionManager manager = new SessionManager(config, sessions, users, new SessionCookies(config),
            new IdGenerator(), new MutableClock(Instant.parse("2030-01-01T00:00:00Z")));
    final EmailPasswordAuth auth = new EmailPasswordAuth(config, users, manager, hasher, new IdGenerator());
    final Endpoints api = Endpoints.of(config, manager, sessions, users, hasher);

    static void busy(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AuthException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(AuthResult.of(e).json()).isEqualTo(BUSY);
            assertThat(e.headers()).isEqualTo(Map.of("Retry-After", "1"));
            assertThat(e.setCookies()).isEmpty();
        });
    }

    RequestBody body(String json) {
        return EmailPasswordAuthTest.body(json);
    }

    @Test
    void aDerivationWithoutATurn_answers503WithRetryAfter_andEachTurnIsGivenBack() {
        String hash = hasher.hash("correct horse");
        assertThat(permits.availablePermits()).isEqualTo(1);
        permits.acquireUninterruptibly(); // another request's derivation
        busy(() -> hasher.verify("correct horse", hash));
        busy(() -> hasher.hash("correct horse"));
        permits.release();
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("wrong horse", hash)).isFalse();
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void everyEndpointThatHashes_answers503WhenSaturated_andChangesNothing() {
        RequestCookies device = SessionManagerTest.browser(auth.signUp(body("{\"name\":\"U\",\"email\":\"u@example.com\","
                + "\"password\":\"test123456\"}"), ClientInfo.UNKNOWN, RequestCookies.empty()).setCookies());
        String storedHash = users.findCredentialAccount(users.findByEmail("u@example.com").orElseThrow().id())
                .orElseThrow().password();
        permits.acquireUninterruptibly();

        busy(() -> auth.signIn(body("{\"email\":\"u@example.com\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN,
                RequestCookies.empty()));
        busy(() -> auth.signIn(body("{\"email\":\"nobody@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()));
        busy(() -> auth.signUp(body("{\"name\":\"V\",\"email\":\"v@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()));
        busy(() -> api.account().changePassword(device, ClientInfo.UNKNOWN, "test123456", "new-password-1", true));
        busy(() -> api.account().deleteUser(device, "test123456"));

        assertThat(users.findByEmail("v@example.com")).isEmpty();
        String userId = users.findByEmail("u@example.com").orElseThrow().id();
        assertThat(users.findCredentialAccount(userId).orElseThrow().password()).isEqualTo(storedHash);
        assertThat(sessions.listByUser(userId)).hasSize(1);
        assertThat(manager.resolve(device, GetSessionOptions.DEFAULT).session()).isPresent();

        permits.release();
        assertThat(auth.signIn(body("{\"email\":\"u@example.com\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN,
                RequestCookies.empty()).status()).isEqualTo(200);
    }

    @Test
    void theDefaultBound_isTwiceTheProcessors_withinAQuarterOfTheHeap() {
        int bound = PasswordHasher.defaultConcurrency();
        assertThat(bound).isBetween(1, 2 * Runtime.getRuntime().availableProcessors());
        assertThat(bound == 1 || bound * PasswordHasher.MEMORY_PER_HASH <= Runtime.getRuntime().maxMemory() / 4).isTrue();
        assertThat(BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET).build().emailAndPassword()
                .maxConcurrentHashes()).isEqualTo(bound);
        assertThat(new ConfigLoader(java.util.List.of(ConfigSource.of(Map.of("better-auth.secret", SessionManagerTest.SECRET,
                "better-auth.email-and-password.password.max-concurrent-hashes", "3")))).load().emailAndPassword()
                .maxConcurrentHashes()).isEqualTo(3);
        assertThatThrownBy(() -> BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET).maxConcurrentHashes(0)
                .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("max-concurrent-hashes");
    }
}
