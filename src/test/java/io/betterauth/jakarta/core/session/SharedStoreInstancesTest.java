package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuth;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuthTest;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two application instances over one shared store (checklist T-34, better-auth#2390): what one revokes, the other
 * refuses at its next store read; with the cookie cache on, within {@code max-age} and at once on a store read.
 * The real thing — two Payara Micro processes and a Node Better Auth on PostgreSQL and Redis — is
 * {@code NodeServerInteropIT}. Also the shape of the shared store's SPI (T-36).
 */
class SharedStoreInstancesTest {

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final InMemorySecondaryStorage redis = new InMemorySecondaryStorage(clock);
    final InMemoryUserStore users = new InMemoryUserStore();

    /** One instance: its own managers over the shared storage and users. */
    final class Instance {
        final SessionManager manager;
        final Endpoints api;
        final EmailPasswordAuth auth;

        Instance(boolean cookieCache) {
            BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
                    .baseUrl("http://localhost:3000").cookieCacheEnabled(cookieCache).build();
            SecondaryStorageSessionStore store = new SecondaryStorageSessionStore(redis, users, clock);
            manager = new SessionManager(config, store, users, new SessionCookies(config), new IdGenerator(), clock);
            api = Endpoints.of(config, manager, store, users, new PasswordHasher());
            auth = new EmailPasswordAuth(config, users, manager, new PasswordHasher(), new IdGenerator());
        }

        RequestCookies signIn(String email) {
            return SessionManagerTest.browser(auth.signIn(EmailPasswordAuthTest.body("{\"email\":\"" + email
                    + "\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN, RequestCookies.empty()).setCookies());
        }

        boolean accepts(RequestCookies device, boolean fromStore) {
            return manager.resolve(device, new GetSessionOptions(false, false, fromStore)).session().isPresent();
        }
    }

    @Test
    void aRevokeOnInstanceA_isRefusedByInstanceB_atItsNextStoreRead() {
        Instance a = new Instance(false);
        Instance b = new Instance(false);
        RequestCookies first = SessionManagerTest.browser(a.auth.signUp(EmailPasswordAuthTest.body(
                "{\"name\":\"U\",\"email\":\"u@example.com\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN,
                RequestCookies.empty()).setCookies());
        RequestCookies second = b.signIn("u@example.com");
        assertThat(b.accepts(first, false)).isTrue();  // a session made on A works on B
        assertThat(a.accepts(second, false)).isTrue();

        a.api.sessions().revokeOtherSessions(first);              // A signs the second device out
        assertThat(b.accepts(second, false)).isFalse();
        assertThat(b.accepts(first, false)).isTrue();
        b.api.sessions().revokeSessions(first);                   // and B signs out everywhere
        assertThat(a.accepts(first, false)).isFalse();
    }

    @Test
    void withTheCookieCache_instanceBRefusesWithinMaxAge_andAtOnceOnAStoreRead() {
        Instance a = new Instance(true);
        Instance b = new Instance(true);
        SessionManagerTest.browser(a.auth.signUp(EmailPasswordAuthTest.body(
                "{\"name\":\"U\",\"email\":\"u@example.com\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN,
                RequestCookies.empty()).setCookies());
        RequestCookies device = b.signIn("u@example.com");
        a.api.admin().revokeUserSessions(users.findByEmail("u@example.com").orElseThrow().id(), "user-disabled");
        assertThat(b.accepts(device, true)).isFalse();  // a store read: at once
        assertThat(b.accepts(device, false)).isTrue();  // the cache: the documented window (T-30)
        clock.advance(Duration.ofSeconds(301));
        assertThat(b.accepts(device, false)).isFalse(); // and no longer than max-age
    }

    @Test
    void theSecondaryStorageSpi_isStringsAndATtl_only() { // T-36, better-auth#1641
        assertThat(Arrays.stream(SecondaryStorage.class.getMethods()).filter(m -> !m.isDefault()
                        && !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
                .map(SharedStoreInstancesTest::signature))
                .containsExactlyInAnyOrder("Optional get(String)", "void set(String,String,Duration)",
                        "void delete(String)");
        assertThat(Arrays.stream(SecondaryStorage.class.getMethods()).filter(m -> m.getName().equals("get"))
                .findFirst().orElseThrow().getGenericReturnType().getTypeName())
                .isEqualTo(Optional.class.getName() + "<" + String.class.getName() + ">");
    }

    private static String signature(Method m) {
        return m.getReturnType().getSimpleName() + " " + m.getName() + "(" + String.join(",",
                Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList()) + ")";
    }
}
