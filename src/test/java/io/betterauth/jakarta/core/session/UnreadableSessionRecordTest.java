package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuth;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuthTest;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.jdbc.JdbcOutages;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checklist T-37 (spring-session#1939, #1924): a stored record the library cannot read — a row that drifted from
 * the schema (a required column NULL), a value its store fails to decode, garbage under the token's key in
 * secondary storage — is no session: get-session answers {@code null} and endpoints 401, both clearing the cookie,
 * never an exception that would become a 500. An outage is not such a record and still surfaces (503). No Java
 * serialization is used to store anything.
 */
class UnreadableSessionRecordTest {

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final InMemoryUserStore users = new InMemoryUserStore();
    final BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
            .baseUrl("http://localhost:3000").build();
    SessionManager manager;
    Endpoints api;
    EmailPasswordAuth auth;
    UnaryOperator<Session> corruption = UnaryOperator.identity();
    RuntimeException failure;

    /** The memory store, but what it reads goes through {@link #corruption} or throws {@link #failure}. */
    final class DriftedStore extends ForwardingStore {
        DriftedStore() {
            super(new InMemorySessionStore());
        }

        @Override public Optional<Session> findByToken(String token) {
            if (failure != null) {
                throw failure;
            }
            return super.findByToken(token).map(corruption);
        }

        @Override public List<Session> listByUser(String userId) {
            return super.listByUser(userId).stream().map(corruption).toList();
        }
    }

    void setUp(SessionStore store) {
        manager = new SessionManager(config, store, users, new SessionCookies(config), new IdGenerator(), clock);
        api = Endpoints.of(config, manager, store, users, new PasswordHasher());
        auth = new EmailPasswordAuth(config, users, manager, new PasswordHasher(), new IdGenerator());
    }

    RequestCookies signUp() {
        return SessionManagerTest.browser(auth.signUp(EmailPasswordAuthTest.body(
                "{\"name\":\"U\",\"email\":\"u@example.com\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN,
                RequestCookies.empty()).setCookies());
    }

    /** get-session: no session and the cookies cleared; a management endpoint: 401 with the cookies cleared. */
    void assertNoSessionAndCookieCleared(RequestCookies device) {
        SessionLookup lookup = manager.resolve(device, GetSessionOptions.DEFAULT);
        assertThat(lookup.session()).isEmpty();
        assertThat(lookup.setCookies()).anySatisfy(c -> assertThat(c).startsWith("better-auth.session_token=; Max-Age=0"));
        assertThatThrownBy(() -> api.sessions().listSessions(device, GetSessionOptions.DEFAULT))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.setCookies()).anySatisfy(c -> assertThat(c).startsWith("better-auth.session_token=; Max-Age=0"));
                });
    }

    @Test
    void aRowWithARequiredColumnNull_isNoSession() {
        setUp(new DriftedStore());
        RequestCookies device = signUp();
        for (UnaryOperator<Session> drift : List.<UnaryOperator<Session>>of(
                s -> new Session(s.id(), s.token(), s.userId(), null, s.createdAt(), s.updatedAt(), null, null),
                s -> new Session(s.id(), s.token(), s.userId(), s.expiresAt(), null, s.updatedAt(), null, null),
                s -> new Session(s.id(), s.token(), null, s.expiresAt(), s.createdAt(), s.updatedAt(), null, null))) {
            corruption = drift;
            assertNoSessionAndCookieCleared(device);
        }
        corruption = UnaryOperator.identity();
        assertThat(manager.resolve(device, GetSessionOptions.DEFAULT).session()).isPresent(); // nothing was deleted
    }

    @Test
    void aUserRowWithARequiredColumnNull_isNoSession() {
        InMemoryUserStore real = new InMemoryUserStore();
        UserStore drifted = new UserStore() {
            @Override public void create(User user, Account credential) {
                real.create(user, credential);
            }
            @Override public Optional<User> findById(String id) {
                return real.findById(id).map(u -> new User(u.id(), u.name(), null, false, null, u.createdAt(), u.updatedAt()));
            }
            @Override public Optional<User> findByEmail(String email) {
                return real.findByEmail(email);
            }
            @Override public Optional<Account> findCredentialAccount(String userId) {
                return real.findCredentialAccount(userId);
            }
            @Override public Optional<User> update(User user) {
                return real.update(user);
            }
            @Override public void updatePassword(String userId, String passwordHash, Instant updatedAt) {
                real.updatePassword(userId, passwordHash, updatedAt);
            }
            @Override public void delete(String userId) {
                real.delete(userId);
            }
        };
        SessionStore store = new InMemorySessionStore();
        manager = new SessionManager(config, store, drifted, new SessionCookies(config), new IdGenerator(), clock);
        api = Endpoints.of(config, manager, store, drifted, new PasswordHasher());
        auth = new EmailPasswordAuth(config, drifted, manager, new PasswordHasher(), new IdGenerator());
        assertNoSessionAndCookieCleared(signUp());
    }

    @Test
    void aValueTheStoreCannotDecode_isNoSession_andTheLogDoesNotRepeatIt() {
        // As the runtime composes an application's own store: its JDBC outages reported by store.jdbc's rule
        setUp(JdbcOutages.reported(new DriftedStore()));
        RequestCookies device = signUp();
        String token = manager.cookies().sessionToken(device).orElseThrow();
        failure = new IllegalArgumentException("Cannot parse '" + token + "' as a timestamp");
        assertNoSessionAndCookieCleared(device);
        // a schema drift reported by the database (undefined column) is unreadable data, not an outage
        failure = new IllegalStateException(new java.sql.SQLException("column \"expiresAt\" does not exist", "42703"));
        assertNoSessionAndCookieCleared(device);
        // an outage stays a 503, never a logout — also when the store reports it as a wrapped JDBC error
        for (RuntimeException outage : List.of(new StoreUnavailableException("down", null),
                new IllegalStateException(new java.sql.SQLTransientConnectionException("connection refused")),
                new IllegalStateException(new java.sql.SQLException("gone", "08006")),
                // a pooled connection closed under the request after the database went away (HikariCP: no SQLState)
                new IllegalStateException(new java.sql.SQLException("Connection is closed")),
                new IllegalStateException(new java.io.EOFException()))) {
            failure = outage;
            assertThatThrownBy(() -> manager.resolve(device, GetSessionOptions.DEFAULT))
                    .isInstanceOf(StoreUnavailableException.class);
        }
    }

    @Test
    void listAndRevokeOthers_skipOrRemoveADriftedSiblingRow_insteadOfFailing() {
        setUp(new DriftedStore());
        RequestCookies one = signUp();
        RequestCookies two = SessionManagerTest.browser(auth.signIn(EmailPasswordAuthTest.body(
                "{\"email\":\"u@example.com\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN, RequestCookies.empty())
                .setCookies());
        String oneToken = manager.cookies().sessionToken(one).orElseThrow();
        corruption = s -> s.token().equals(oneToken)
                ? new Session(s.id(), s.token(), s.userId(), null, s.createdAt(), s.updatedAt(), null, null) : s;
        assertThat(api.sessions().listSessions(two, GetSessionOptions.DEFAULT).value()).extracting(Session::token)
                .containsExactly(manager.cookies().sessionToken(two).orElseThrow());
        assertThat(api.sessions().revokeOtherSessions(two).value()).isTrue();
        corruption = UnaryOperator.identity();
        assertThat(manager.resolve(one, GetSessionOptions.DEFAULT).session()).isEmpty();
        assertThat(manager.resolve(two, GetSessionOptions.DEFAULT).session()).isPresent();
    }

    @Test
    void garbageUnderTheTokensKeyInSecondaryStorage_isNoSession() {
        InMemorySecondaryStorage redis = new InMemorySecondaryStorage(clock);
        setUp(new SecondaryStorageSessionStore(redis, users, clock));
        RequestCookies device = signUp();
        String token = manager.cookies().sessionToken(device).orElseThrow();
        for (String garbage : List.of("{not json", "[]", "{\"session\":{\"id\":1},\"user\":null}", "\"\\u0000\"",
                "{\"session\":{\"token\":\"" + token + "\"},\"user\":{}}")) {
            redis.set(token, garbage, Duration.ofMinutes(5));
            assertNoSessionAndCookieCleared(device);
        }
    }

    @Test
    void nothingInTheLibraryUsesJavaSerialization() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String source = Files.readString(p);
                    return Stream.of("ObjectOutputStream", "ObjectInputStream", "Externalizable",
                            "SerializationUtils", "XMLEncoder", "XMLDecoder").anyMatch(source::contains);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
            assertThat(offenders).isEmpty();
        }
    }

    /** A store that forwards everything, for tests that change what one call answers. */
    static class ForwardingStore implements SessionStore {
        final SessionStore delegate;

        ForwardingStore(SessionStore delegate) {
            this.delegate = delegate;
        }

        @Override public void create(Session session) {
            delegate.create(session);
        }
        @Override public Optional<Session> findByToken(String token) {
            return delegate.findByToken(token);
        }
        @Override public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
            return delegate.updateExpiry(token, expiresAt, updatedAt);
        }
        @Override public Optional<Session> updateAdditional(String token, Map<String, Object> changes, Instant updatedAt) {
            return delegate.updateAdditional(token, changes, updatedAt);
        }
        @Override public void delete(String token) {
            delegate.delete(token);
        }
        @Override public List<Session> listByUser(String userId) {
            return delegate.listByUser(userId);
        }
        @Override public void deleteByUser(String userId) {
            delegate.deleteByUser(userId);
        }
    }
}
