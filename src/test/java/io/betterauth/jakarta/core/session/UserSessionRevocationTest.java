package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
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

import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.SessionInfo;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ending every session of a user from outside the user's own request (checklist T-24, T-25, T-26): the host app's
 * administration, disabling or deleting an account, its own password reset — and the delete-user endpoint. Run on
 * the table-like memory store and on secondary storage (Better Auth's Redis layout), whose keys must go too.
 */
class UserSessionRevocationTest {

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemorySecondaryStorage redis = new InMemorySecondaryStorage(clock);
    final List<SessionEvent> events = new ArrayList<>();
    SessionManager manager;
    Endpoints api;
    EmailPasswordAuth auth;

    void setUp(SessionStore sessions, boolean cookieCache) {
        BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
                .baseUrl("http://localhost:3000").cookieCacheEnabled(cookieCache).deleteUserEnabled(true).build();
        manager = new SessionManager(config, sessions, users, new SessionCookies(config), new IdGenerator(), clock,
                new AuthEvents() {
                    @Override public void after(SessionEvent e) {
                        events.add(e);
                    }
                });
        PasswordHasher hasher = new PasswordHasher();
        api = Endpoints.of(config, manager, sessions, users, hasher);
        auth = new EmailPasswordAuth(config, users, manager, hasher, new IdGenerator());
    }

    RequestCookies signUp(String email) {
        return SessionManagerTest.browser(auth.signUp(EmailPasswordAuthTest.body("{\"name\":\"U\",\"email\":\"" + email
                + "\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN, RequestCookies.empty()).setCookies());
    }

    RequestCookies signIn(String email) {
        return SessionManagerTest.browser(auth.signIn(EmailPasswordAuthTest.body("{\"email\":\"" + email
                + "\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN, RequestCookies.empty()).setCookies());
    }

    String userId(String email) {
        return users.findByEmail(email).orElseThrow().id();
    }

    boolean signedIn(RequestCookies device) {
        return manager.resolve(device, new GetSessionOptions(false, false, true)).session().isPresent();
    }

    boolean passesSensitiveCheck(RequestCookies device) {
        try {
            api.guard().requireSession(device, GetSessionOptions.DEFAULT, true);
            return true;
        } catch (AuthException e) {
            return false;
        }
    }

    @Test
    void revokeUserSessions_endsEveryDeviceOfThatUserOnly_withARevokedEventEach() { // T-25, T-26
        setUp(new InMemorySessionStore(), false);
        RequestCookies a1 = signUp("a@example.com");
        RequestCookies a2 = signIn("a@example.com");
        RequestCookies b = signUp("b@example.com");
        events.clear();

        assertThat(api.admin().listUserSessions(userId("a@example.com"))).hasSize(2)
                .allSatisfy(s -> assertThat(s.userId()).isEqualTo(userId("a@example.com")));
        assertThat(api.admin().revokeUserSessions(userId("a@example.com"), "user-disabled")).isEqualTo(2);

        assertThat(signedIn(a1)).isFalse();
        assertThat(signedIn(a2)).isFalse();
        assertThat(signedIn(b)).isTrue();
        assertThat(api.admin().listUserSessions(userId("a@example.com"))).isEmpty();
        assertThat(events).extracting(e -> e.kind() + ":" + e.reason())
                .containsExactly("REVOKED:user-disabled", "REVOKED:user-disabled");
    }

    @Test
    void revokeUserSession_byIdOnly_andOnlyAmongThatUsersSessions() { // T-26, T-03
        setUp(new InMemorySessionStore(), false);
        RequestCookies a1 = signUp("a@example.com");
        RequestCookies a2 = signIn("a@example.com");
        RequestCookies b = signUp("b@example.com");
        String a2Token = manager.cookies().sessionToken(a2).orElseThrow();
        SessionInfo a2Info = api.admin().listUserSessions(userId("a@example.com")).stream()
                .filter(s -> !s.id().equals(api.admin().listUserSessions(userId("a@example.com")).get(0).id()))
                .findFirst().orElseThrow();
        SessionInfo bInfo = api.admin().listUserSessions(userId("b@example.com")).get(0);

        // a token is not an id, and another user's session id under this user revokes nothing
        assertThat(api.admin().revokeUserSession(userId("a@example.com"), a2Token, "admin")).isFalse();
        assertThat(api.admin().revokeUserSession(userId("a@example.com"), bInfo.id(), "admin")).isFalse();
        assertThat(signedIn(b)).isTrue();
        assertThat(api.admin().revokeUserSession(userId("a@example.com"), a2Info.id(), "admin")).isTrue();
        assertThat(signedIn(a2)).isFalse();
        assertThat(signedIn(a1)).isTrue();
        // what the admin listing shows carries no token at all
        assertThat(api.admin().listUserSessions(userId("a@example.com")).toString()).doesNotContain(a2Token)
                .doesNotContain(manager.cookies().sessionToken(a1).orElseThrow());
    }

    @Test
    void onSecondaryStorage_revokingAUser_removesTheirKeysAndList_andSensitiveReadsRefuseCachedDevices() { // T-25
        setUp(new SecondaryStorageSessionStore(redis, users, clock), true);
        RequestCookies a1 = signUp("a@example.com");
        RequestCookies a2 = signIn("a@example.com");
        RequestCookies b = signUp("b@example.com");
        String id = userId("a@example.com");
        String t1 = manager.cookies().sessionToken(a1).orElseThrow();
        String t2 = manager.cookies().sessionToken(a2).orElseThrow();
        assertThat(redis.keys()).contains(t1, t2, "active-sessions-" + id);

        api.admin().revokeUserSessions(id, "user-deleted");

        assertThat(redis.keys()).doesNotContain(t1, t2, "active-sessions-" + id)
                .contains(manager.cookies().sessionToken(b).orElseThrow());
        // the cookie cache still answers plain reads until max-age (T-30); sensitive endpoints read the store
        assertThat(manager.resolve(a1, GetSessionOptions.DEFAULT).session()).isPresent();
        assertThat(passesSensitiveCheck(a1)).isFalse();
        assertThat(passesSensitiveCheck(a2)).isFalse();
        assertThat(passesSensitiveCheck(b)).isTrue();
        clock.advance(Duration.ofSeconds(301));
        assertThat(manager.resolve(a1, GetSessionOptions.DEFAULT).session()).isEmpty();
    }

    @Test
    void deleteUser_removesEveryDeviceOfTheUser_andTheirKeys() { // T-25
        setUp(new SecondaryStorageSessionStore(redis, users, clock), false);
        RequestCookies a1 = signUp("a@example.com");
        RequestCookies a2 = signIn("a@example.com");
        RequestCookies b = signUp("b@example.com");
        String id = userId("a@example.com");
        ApiResult<Boolean> r = api.account().deleteUser(a1, "test123456");
        assertThat(r.setCookies()).anySatisfy(c -> assertThat(c).startsWith("better-auth.session_token=; Max-Age=0"));
        assertThat(signedIn(a1)).isFalse();
        assertThat(signedIn(a2)).isFalse();
        assertThat(signedIn(b)).isTrue();
        assertThat(users.findById(id)).isEmpty();
        assertThat(redis.keys()).doesNotContain("active-sessions-" + id, manager.cookies().sessionToken(a2).orElseThrow());
    }

    @Test
    void aPasswordResetByTheHostApp_revokesEverySession() { // T-24
        setUp(new InMemorySessionStore(), false);
        RequestCookies a1 = signUp("a@example.com");
        RequestCookies a2 = signIn("a@example.com");
        // the library has no reset-password flow: a host that resets a password signs the user out everywhere
        api.admin().revokeUserSessions(userId("a@example.com"), "password-reset");
        assertThat(signedIn(a1)).isFalse();
        assertThat(signedIn(a2)).isFalse();
        assertThat(events).filteredOn(e -> e.kind() == SessionEvent.Kind.REVOKED)
                .extracting(SessionEvent::reason).containsOnly("password-reset");
    }
}
