package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuth;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuthTest;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.testing.FaultyStore;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Faults: the session store fails in the middle of a request (the database went away between two statements).
 * Whatever failed, the user is left in a consistent state: an outage is a {@link StoreUnavailableException} (503,
 * no {@code Set-Cookie} at all, so nobody is signed out by it), nothing is half-written, and the same cookie works
 * again as soon as the store does.
 */
class StoreFaultsTest {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final InMemorySessionStore rows = new InMemorySessionStore();
    final FaultyStore.Wrapped<SessionStore> sessions = FaultyStore.wrap(SessionStore.class, rows);
    final FaultyStore.Wrapped<UserStore> users = FaultyStore.wrap(UserStore.class, new InMemoryUserStore());
    final BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
            .baseUrl("http://localhost:3000").expiresIn(3600).updateAge(600).build();
    final SessionManager manager = new SessionManager(config, sessions.store(), users.store(),
            new SessionCookies(config), new IdGenerator(), clock);
    final PasswordHasher hasher = new PasswordHasher();
    final Endpoints api = Endpoints.of(config, manager, sessions.store(), users.store(), hasher);
    final EmailPasswordAuth auth = new EmailPasswordAuth(config, users.store(), manager, hasher, new IdGenerator());

    RequestCookies signUp(String email) {
        return SessionManagerTest.browser(auth.signUp(EmailPasswordAuthTest.body("{\"name\":\"U\",\"email\":\"" + email
                + "\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN, RequestCookies.empty()).setCookies());
    }

    AuthResult signIn(String email) {
        return auth.signIn(EmailPasswordAuthTest.body("{\"email\":\"" + email + "\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty());
    }

    String userId(RequestCookies device) {
        return manager.resolve(device, GetSessionOptions.DEFAULT).current().user().id();
    }

    Session row(RequestCookies device) {
        return rows.findByToken(manager.cookies().sessionToken(device).orElseThrow()).orElseThrow();
    }

    @Test
    void signInWhoseSessionInsertFails_isAnOutage_storesNothing_andTheNextSignInWorks() {
        RequestCookies first = signUp("insert@example.com");
        String user = userId(first);
        sessions.faults().failOn("create", 1);
        // An outage, not a failed sign-in: the HTTP layer answers 503 SERVICE_UNAVAILABLE with no Set-Cookie.
        assertThatThrownBy(() -> signIn("insert@example.com")).isInstanceOf(StoreUnavailableException.class);
        assertThat(rows.listByUser(user)).hasSize(1); // only the sign-up's session: no row for a cookie never sent
        assertThat(manager.resolve(first, GetSessionOptions.DEFAULT).session()).isPresent();

        sessions.faults().heal();
        AuthResult again = signIn("insert@example.com");
        assertThat(manager.resolve(SessionManagerTest.browser(again.setCookies()), GetSessionOptions.DEFAULT).session())
                .isPresent();
        assertThat(rows.listByUser(user)).hasSize(2);
    }

    @Test
    void refreshWhoseUpdateFails_keepsTheOldRowAndCookie_andTheNextRequestRefreshes() {
        RequestCookies device = signUp("refresh@example.com");
        Session before = row(device);
        clock.advance(Duration.ofSeconds(600)); // due for the sliding refresh
        sessions.faults().failOn("refreshExpiry", 1);
        // Not an AuthException carrying cleared cookies: the device is not signed out by the outage.
        assertThatThrownBy(() -> manager.resolve(device, GetSessionOptions.DEFAULT))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(row(device)).isEqualTo(before); // nothing half-updated

        sessions.faults().heal();
        SessionLookup retried = manager.resolve(device, GetSessionOptions.DEFAULT);
        assertThat(retried.current().session().expiresAt()).isEqualTo(T0.plusSeconds(600 + 3600));
        assertThat(retried.setCookies()).singleElement().asString().contains("Max-Age=3600");
        assertThat(row(device).expiresAt()).isEqualTo(T0.plusSeconds(600 + 3600));
    }

    @Test
    void refreshWhoseReReadFails_writesNothing_andIsAnOutage() {
        RequestCookies device = signUp("reread@example.com");
        Session before = row(device);
        clock.advance(Duration.ofSeconds(600));
        sessions.faults().failOn("findByToken", 1); // the read under the refresh lock, before any write
        assertThatThrownBy(() -> manager.resolve(device, GetSessionOptions.DEFAULT))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(row(device)).isEqualTo(before);
        assertThat(sessions.faults().calls("refreshExpiry")).isZero();
    }

    @Test
    void revokeWhoseDeleteFails_revokesNothing_andEveryDeviceStaysSignedIn() {
        RequestCookies phone = signUp("revoke@example.com");
        RequestCookies laptop = SessionManagerTest.browser(signIn("revoke@example.com").setCookies());
        String laptopToken = manager.cookies().sessionToken(laptop).orElseThrow();

        sessions.faults().failOn("delete", 1);
        assertThatThrownBy(() -> api.sessions().revokeSession(phone, laptopToken)).isInstanceOf(StoreUnavailableException.class);
        sessions.faults().failOn("deleteByUser", 1);
        assertThatThrownBy(() -> api.sessions().revokeSessions(phone)).isInstanceOf(StoreUnavailableException.class);
        sessions.faults().failOn("listByUser", 1);
        assertThatThrownBy(() -> api.sessions().revokeOtherSessions(phone)).isInstanceOf(StoreUnavailableException.class);

        assertThat(manager.resolve(phone, GetSessionOptions.DEFAULT).session()).isPresent();
        assertThat(manager.resolve(laptop, GetSessionOptions.DEFAULT).session()).isPresent();

        sessions.faults().heal();
        assertThat(api.sessions().revokeSession(phone, laptopToken).value()).isTrue();
        assertThat(manager.resolve(laptop, GetSessionOptions.DEFAULT).session()).isEmpty();
    }

    @Test
    void getSessionDuringAnOutage_isAnOutage_neverNoSession() {
        RequestCookies device = signUp("read@example.com");
        sessions.faults().failOn("findWithUser", 1);
        // Never "null" with cleared cookies: that would sign the user out because the database was down.
        assertThatThrownBy(() -> manager.resolve(device, GetSessionOptions.DEFAULT))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(manager.resolve(device, GetSessionOptions.DEFAULT).session()).isPresent();
    }

    @Test
    void signOutDuringAnOutage_stillClearsTheCookies_asBetterAuthDoes() {
        RequestCookies device = signUp("signout@example.com");
        sessions.faults().failOn("findByToken", 1);
        List<String> cleared = manager.signOut(device);
        assertThat(cleared).allMatch(line -> line.contains("Max-Age=0"));
        assertThat(row(device)).isNotNull(); // the row stays until it expires or is purged
    }
}
