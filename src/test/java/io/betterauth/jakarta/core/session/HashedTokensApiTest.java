package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.config.ConfigSource;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuth;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuthTest;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.store.hashed.HashedTokenSessionStore;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code better-auth.session.hash-tokens} end to end through the core API (T-02, T-03): cookies keep working,
 * the store holds hashes only, list-sessions shows ids in place of tokens and revoke-session takes them.
 */
class HashedTokensApiTest {

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final InMemorySessionStore raw = new InMemorySessionStore();
    final HashedTokenSessionStore sessions = new HashedTokenSessionStore(raw);
    final InMemoryUserStore users = new InMemoryUserStore();
    final BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
            .baseUrl("http://localhost:3000").hashTokens(true).updateAge(0).build();
    final SessionManager manager = new SessionManager(config, sessions, users, new SessionCookies(config),
            new IdGenerator(), clock);
    final PasswordHasher hasher = new PasswordHasher();
    final Endpoints api = Endpoints.of(config, manager, sessions, users, hasher);
    final EmailPasswordAuth auth = new EmailPasswordAuth(config, users, manager, hasher, new IdGenerator());

    RequestCookies signUp(String email) {
        return SessionManagerTest.browser(auth.signUp(EmailPasswordAuthTest.body("{\"name\":\"U\",\"email\":\"" + email
                + "\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN, RequestCookies.empty()).setCookies());
    }

    RequestCookies signIn(String email) {
        return SessionManagerTest.browser(auth.signIn(EmailPasswordAuthTest.body("{\"email\":\"" + email
                + "\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN, RequestCookies.empty()).setCookies());
    }

    String token(RequestCookies device) {
        return manager.cookies().sessionToken(device).orElseThrow();
    }

    boolean signedIn(RequestCookies device) {
        return manager.resolve(device, GetSessionOptions.DEFAULT).session().isPresent();
    }

    @Test
    void isOffByDefault() {
        assertThat(BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET).build().session().hashTokens()).isFalse();
        assertThat(new ConfigLoader(List.of(ConfigSource.of(java.util.Map.of("better-auth.secret",
                SessionManagerTest.SECRET, "better-auth.session.hash-tokens", "true")))).load().session().hashTokens()).isTrue();
    }

    @Test
    void cookiesKeepWorking_andRefresh_whileTheStoreHoldsOnlyHashes() {
        RequestCookies device = signUp("hash@example.com");
        String token = token(device);
        assertThat(raw.findByToken(token)).isEmpty();
        assertThat(raw.findByToken(HashedTokenSessionStore.hash(token))).isPresent();
        clock.advance(Duration.ofMinutes(1));
        SessionLookup lookup = manager.resolve(device, GetSessionOptions.DEFAULT);
        assertThat(lookup.current().session().token()).isEqualTo(token); // the body still shows the caller's own token
        assertThat(lookup.current().session().expiresAt()).isEqualTo(clock.instant().plusSeconds(604800));
        assertThat(lookup.setCookies()).singleElement().asString().startsWith("better-auth.session_token=" + token + ".");
        manager.signOut(device);
        assertThat(raw.findByToken(HashedTokenSessionStore.hash(token))).isEmpty();
        assertThat(signedIn(device)).isFalse();
    }

    @Test
    void listSessions_showsIdsInPlaceOfTokens_andNoUsableToken() {
        RequestCookies first = signUp("list-hash@example.com");
        RequestCookies second = signIn("list-hash@example.com");
        List<Session> listed = api.sessions().listSessions(first, GetSessionOptions.DEFAULT).value();
        assertThat(listed).hasSize(2).allSatisfy(s -> assertThat(s.token()).isEqualTo(s.id()));
        assertThat(listed).extracting(Session::token).doesNotContain(token(first), token(second));
        assertThat(listed.get(0).toJson()).containsEntry("token", listed.get(0).id());
        for (Session s : listed) { // none of them signs anybody in
            assertThat(sessions.findByToken(s.token())).isEmpty();
        }
    }

    @Test
    void revokeSession_acceptsTheListedId_asTheOfficialClientSendsIt() {
        RequestCookies first = signUp("revoke-hash@example.com");
        RequestCookies second = signIn("revoke-hash@example.com");
        String secondId = manager.resolve(second, GetSessionOptions.DEFAULT).current().session().id();
        ApiResult<Boolean> result = api.sessions().revokeSession(first, secondId);
        assertThat(result.value()).isTrue();
        assertThat(result.setCookies()).noneMatch(c -> c.contains("Max-Age=0"));
        assertThat(signedIn(second)).isFalse();
        assertThat(signedIn(first)).isTrue();
    }

    @Test
    void revokeSession_stillAcceptsAToken_andRevokingTheCurrentOneClearsTheCookies() {
        RequestCookies first = signUp("revoke-own@example.com");
        RequestCookies second = signIn("revoke-own@example.com");
        api.sessions().revokeSession(first, token(second));
        assertThat(signedIn(second)).isFalse();
        String ownId = manager.resolve(first, GetSessionOptions.DEFAULT).current().session().id();
        ApiResult<Boolean> own = api.sessions().revokeSession(first, ownId);
        assertThat(own.setCookies()).anyMatch(c -> c.startsWith("better-auth.session_token=; Max-Age=0"));
        assertThat(signedIn(first)).isFalse();
    }

    @Test
    void anotherUsersId_revokesNothing_andTheAnswerIsTheSame() {
        RequestCookies alice = signUp("alice-hash@example.com");
        RequestCookies bob = signUp("bob-hash@example.com");
        String bobId = manager.resolve(bob, GetSessionOptions.DEFAULT).current().session().id();
        ApiResult<Boolean> result = api.sessions().revokeSession(alice, bobId);
        assertThat(result.value()).isTrue();
        assertThat(signedIn(bob)).isTrue();
        // nor does the stored hash, were it ever leaked
        api.sessions().revokeSession(alice, HashedTokenSessionStore.STORED_PREFIX + HashedTokenSessionStore.hash(token(bob)));
        api.sessions().revokeSession(alice, HashedTokenSessionStore.hash(token(bob)));
        assertThat(signedIn(bob)).isTrue();
    }

    @Test
    void revokeOtherSessions_keepsTheCurrentOne_revokeSessionsEndsThemAll() {
        RequestCookies first = signUp("others-hash@example.com");
        RequestCookies second = signIn("others-hash@example.com");
        RequestCookies third = signIn("others-hash@example.com");
        api.sessions().revokeOtherSessions(first);
        assertThat(signedIn(first)).isTrue();
        assertThat(signedIn(second)).isFalse();
        assertThat(signedIn(third)).isFalse();
        RequestCookies fourth = signIn("others-hash@example.com");
        api.sessions().revokeSessions(fourth);
        assertThat(signedIn(first)).isFalse();
        assertThat(signedIn(fourth)).isFalse();
    }
}
