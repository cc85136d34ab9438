package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.PasswordChange;
import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.core.session.SessionManagerTest;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The management endpoints, ported from Better Auth's session-api.test.ts and update-user.test.ts (spec §8.1,
 * §8.7) where they apply, plus the multi-user and multi-device cases the issue names.
 */
class SessionApiTest {

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    InMemorySessionStore sessions;
    InMemoryUserStore users;
    SessionManager manager;
    Endpoints api;
    EmailPasswordAuth auth;

    void setUp(Consumer<BetterAuthConfig.Builder> options) {
        BetterAuthConfig.Builder b = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET).baseUrl("http://localhost:3000");
        options.accept(b);
        BetterAuthConfig config = b.build();
        sessions = new InMemorySessionStore();
        users = new InMemoryUserStore();
        manager = new SessionManager(config, sessions, users, new SessionCookies(config), new IdGenerator(), clock);
        PasswordHasher hasher = new PasswordHasher();
        api = Endpoints.of(config, manager, sessions, users, hasher);
        auth = new EmailPasswordAuth(config, users, manager, hasher, new IdGenerator());
    }

    SessionApiTest() {
        setUp(b -> { });
    }

    /** Signs up (device 1) and returns that device's cookies. */
    RequestCookies signUp(String email) {
        return device(auth.signUp(EmailPasswordAuthTest.body("{\"name\":\"U\",\"email\":\"" + email
                + "\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN, RequestCookies.empty()).setCookies());
    }

    /** Another device of the same user. */
    RequestCookies signIn(String email, String password) {
        return device(auth.signIn(EmailPasswordAuthTest.body("{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\"}"), ClientInfo.UNKNOWN, RequestCookies.empty()).setCookies());
    }

    static RequestCookies device(List<String> setCookies) {
        return SessionManagerTest.browser(setCookies);
    }

    String token(RequestCookies device) {
        return manager.cookies().sessionToken(device).orElseThrow();
    }

    boolean signedIn(RequestCookies device) {
        return manager.resolve(device, GetSessionOptions.DEFAULT).session().isPresent();
    }

    static void fails(Runnable r, int status, String code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(AuthException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void shouldListSessions() {
        RequestCookies first = signUp("list@example.com");
        signIn("list@example.com", "test123456");
        signIn("list@example.com", "test123456");
        List<Session> listed = api.sessions().listSessions(first, GetSessionOptions.DEFAULT).value();
        assertThat(listed).hasSize(3).allMatch(s -> s.token().length() == 32);
    }

    @Test
    void listSessions_excludesExpiredSessionsAndOtherUsers() { // T-21
        RequestCookies alice = signUp("alice@example.com");
        signUp("bob@example.com");
        String aliceId = sessions.findByToken(token(alice)).orElseThrow().userId();
        Instant now = clock.instant();
        sessions.create(new Session("expired-id", "ExpiredTokenExpiredTokenExpiredT", aliceId, now.minusSeconds(1),
                now.minusSeconds(100), now.minusSeconds(100), "", ""));
        assertThat(api.sessions().listSessions(alice, GetSessionOptions.DEFAULT).value())
                .extracting(Session::token).containsExactly(token(alice));
    }

    @Test
    void shouldRequireAFreshSessionToListSessions_basedOnCreationTime() { // T-17
        setUp(b -> b.freshAge(60));
        RequestCookies device = signUp("fresh@example.com");
        clock.advance(Duration.ofMinutes(5));
        fails(() -> api.sessions().listSessions(device, GetSessionOptions.DEFAULT), 403, "SESSION_NOT_FRESH");
    }

    @Test
    void freshAgeZero_switchesTheCheckOff() { // T-17
        setUp(b -> b.freshAge(0));
        RequestCookies device = signUp("zero@example.com");
        clock.advance(Duration.ofDays(3));
        assertThat(api.sessions().listSessions(device, GetSessionOptions.DEFAULT).value()).hasSize(1);
        assertThat(api.account().changePassword(device, ClientInfo.UNKNOWN, "test123456", "new-password-1", false).value().token()).isNull();
    }

    @Test
    void unauthenticatedCalls_are401Unauthorized() {
        fails(() -> api.sessions().listSessions(RequestCookies.empty(), GetSessionOptions.DEFAULT), 401, "UNAUTHORIZED");
        fails(() -> api.sessions().revokeSessions(RequestCookies.empty()), 401, "UNAUTHORIZED");
        fails(() -> api.account().changePassword(RequestCookies.empty(), ClientInfo.UNKNOWN, "a", "b", false), 401, "UNAUTHORIZED");
    }

    @Test
    void shouldRevokeSession_ownTokenSignsThisDeviceOutAndClearsCookies() {
        RequestCookies device = signUp("revoke@example.com");
        ApiResult<Boolean> r = api.sessions().revokeSession(device, token(device));
        assertThat(r.value()).isTrue();
        assertThat(r.setCookies()).first().asString().startsWith("better-auth.session_token=; Max-Age=0");
        assertThat(signedIn(device)).isFalse();
    }

    @Test
    void revokingAnotherUsersToken_deletesNothing_andAnswersTheSame() { // T-22
        RequestCookies alice = signUp("a2@example.com");
        RequestCookies bob = signUp("b2@example.com");
        ApiResult<Boolean> foreign = api.sessions().revokeSession(alice, token(bob));
        ApiResult<Boolean> unknown = api.sessions().revokeSession(alice, "NoSuchTokenNoSuchTokenNoSuchToke");
        RequestCookies alice2 = signIn("a2@example.com", "test123456");
        ApiResult<Boolean> real = api.sessions().revokeSession(alice, token(alice2));
        assertThat(foreign).isEqualTo(unknown).isEqualTo(real);
        assertThat(signedIn(bob)).isTrue();
        assertThat(signedIn(alice2)).isFalse();
        assertThat(signedIn(alice)).isTrue();
    }

    @Test
    void revokeOtherSessions_keepsExactlyTheCurrentOne() { // T-23
        RequestCookies one = signUp("o@example.com");
        RequestCookies two = signIn("o@example.com", "test123456");
        RequestCookies three = signIn("o@example.com", "test123456");
        RequestCookies stranger = signUp("s@example.com");
        ApiResult<Boolean> r = api.sessions().revokeOtherSessions(two);
        assertThat(r.setCookies()).isEmpty();
        assertThat(signedIn(two)).isTrue();
        assertThat(signedIn(one)).isFalse();
        assertThat(signedIn(three)).isFalse();
        assertThat(signedIn(stranger)).isTrue();
        assertThat(api.sessions().listSessions(two, GetSessionOptions.DEFAULT).value()).extracting(Session::token).containsExactly(token(two));
    }

    @Test
    void revokeSessions_removesAllIncludingCurrent_andClearsCookies() { // T-23
        RequestCookies one = signUp("all@example.com");
        RequestCookies two = signIn("all@example.com", "test123456");
        ApiResult<Boolean> r = api.sessions().revokeSessions(one);
        assertThat(r.setCookies()).contains("better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.dont_remember=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
        assertThat(signedIn(one)).isFalse();
        assertThat(signedIn(two)).isFalse();
    }

    @Test
    void updateSession_coreOrUnknownFields_are400NoFieldsToUpdate() {
        RequestCookies device = signUp("upd@example.com");
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("token", "x"), Map.of("userId", "x"),
                Map.of("unknownField", "x"), Map.of())) {
            assertThatThrownBy(() -> api.sessions().updateSession(device, body)).isInstanceOfSatisfying(AuthException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(AuthResult.of(e).json()).isEqualTo("{\"message\":\"No fields to update\"}");
            });
        }
    }

    @Test
    void shouldUpdateTheUsersPassword_andNotWhenTheCurrentPasswordIsWrong() {
        RequestCookies device = signUp("pw@example.com");
        fails(() -> api.account().changePassword(device, ClientInfo.UNKNOWN, "wrong-password", "new-password-1", false), 400, "INVALID_PASSWORD");
        fails(() -> api.account().changePassword(device, ClientInfo.UNKNOWN, "test123456", "short", false), 400, "PASSWORD_TOO_SHORT");
        fails(() -> api.account().changePassword(device, ClientInfo.UNKNOWN, "test123456", "x".repeat(129), false), 400, "PASSWORD_TOO_LONG");
        ApiResult<PasswordChange> r = api.account().changePassword(device, ClientInfo.UNKNOWN, "test123456", "new-password-1", false);
        assertThat(r.value().token()).isNull();
        assertThat(r.value().user().email()).isEqualTo("pw@example.com");
        assertThat(signedIn(device)).isTrue();
        fails(() -> signIn("pw@example.com", "test123456"), 401, "INVALID_EMAIL_OR_PASSWORD");
        assertThat(signedIn(signIn("pw@example.com", "new-password-1"))).isTrue();
    }

    @Test
    void shouldUpdateAccountsUpdatedAt_whenChangingPassword() {
        RequestCookies device = signUp("acct@example.com");
        String userId = sessions.findByToken(token(device)).orElseThrow().userId();
        Instant before = users.findCredentialAccount(userId).orElseThrow().updatedAt();
        clock.advance(Duration.ofSeconds(30));
        api.account().changePassword(device, ClientInfo.UNKNOWN, "test123456", "new-password-1", false);
        assertThat(users.findCredentialAccount(userId).orElseThrow().updatedAt()).isEqualTo(before.plusSeconds(30));
    }

    @Test
    void updateSession_pluginAuthorityFields_are400() { // "updateSession plugin authority fields"
        RequestCookies device = signUp("authority@example.com");
        for (String field : new String[] {"activeOrganizationId", "activeTeamId", "impersonatedBy"}) {
            fails(() -> api.sessions().updateSession(device, Map.of(field, "x")), 400, null);
        }
    }

    @Test
    void updateSession_onARevokedRow_is401() { // "update-session cookie cache revocation" (stateful)
        RequestCookies device = signUp("gone@example.com");
        sessions.delete(token(device));
        fails(() -> api.sessions().updateSession(device, Map.of("theme", "dark")), 401, "UNAUTHORIZED");
    }

    @Test
    void forcedStrictSessionValidation_changePasswordOnARevokedRow_is401() {
        RequestCookies device = signUp("strict@example.com");
        sessions.delete(token(device));
        fails(() -> api.account().changePassword(device, ClientInfo.UNKNOWN, "test123456", "new-password-1", false), 401, "UNAUTHORIZED");
    }

    @Test
    void shouldRevokeOtherSessions_onChangePassword_leavingOnlyTheCallersNewSession() { // T-24
        RequestCookies caller = signUp("cp@example.com");
        RequestCookies other = signIn("cp@example.com", "test123456");
        ApiResult<PasswordChange> r = api.account().changePassword(caller, ClientInfo.UNKNOWN, "test123456", "new-password-1", true);
        String newToken = r.value().token();
        assertThat(newToken).hasSize(32).isNotEqualTo(token(caller));
        RequestCookies replaced = device(r.setCookies());
        assertThat(token(replaced)).isEqualTo(newToken);
        assertThat(signedIn(caller)).isFalse();   // the old token is dead everywhere
        assertThat(signedIn(other)).isFalse();
        assertThat(signedIn(replaced)).isTrue();
        assertThat(api.sessions().listSessions(replaced, GetSessionOptions.DEFAULT).value()).extracting(Session::token).containsExactly(newToken);
    }

    @Test
    void changePassword_requiresAFreshSession_unlessConfiguredAsBetterAuth() { // T-17
        setUp(b -> b.freshAge(60));
        RequestCookies device = signUp("stale@example.com");
        clock.advance(Duration.ofMinutes(2));
        fails(() -> api.account().changePassword(device, ClientInfo.UNKNOWN, "test123456", "new-password-1", false), 403, "SESSION_NOT_FRESH");
        setUp(b -> b.freshAge(60).freshChangePassword(false));
        RequestCookies asBetterAuth = signUp("stale@example.com");
        clock.advance(Duration.ofMinutes(2));
        assertThat(api.account().changePassword(asBetterAuth, ClientInfo.UNKNOWN, "test123456", "new-password-1", false).value()).isNotNull();
    }

    @Test
    void updateUser_changesTheProfile_andResendsTheSessionCookie() {
        RequestCookies device = signUp("uu@example.com");
        clock.advance(Duration.ofSeconds(10));
        ApiResult<Boolean> r = api.account().updateUser(device, "New Name", Optional.of("https://img.example/a.png"));
        assertThat(r.setCookies()).singleElement().asString().startsWith("better-auth.session_token=" + token(device));
        User user = manager.resolve(device, GetSessionOptions.DEFAULT).current().user();
        assertThat(user.name()).isEqualTo("New Name");
        assertThat(user.image()).isEqualTo("https://img.example/a.png");
        assertThat(user.updatedAt()).isEqualTo(clock.instant());
        api.account().updateUser(device, null, Optional.empty());
        assertThat(manager.resolve(device, GetSessionOptions.DEFAULT).current().user().image()).isNull();
        assertThatThrownBy(() -> api.account().updateUser(device, null, null)).isInstanceOfSatisfying(AuthException.class,
                e -> assertThat(AuthResult.of(e).json()).isEqualTo("{\"message\":\"No fields to update\"}"));
    }

    @Test
    void deleteUser_isOffByDefault_andFollowsBetterAuthsFreshnessRule() { // T-17 (Better Auth's own rule)
        RequestCookies off = signUp("del0@example.com");
        fails(() -> api.account().deleteUser(off, null), 404, null);
        assertThatThrownBy(() -> api.account().deleteUser(off, "test123456")).isInstanceOfSatisfying(AuthException.class,
                e -> assertThat(AuthResult.of(e).json()).as("Better Auth's 404 has an empty body").isEmpty());
        // the session is checked first, as Better Auth's sensitiveSessionMiddleware does
        fails(() -> api.account().deleteUser(RequestCookies.empty(), null), 401, "UNAUTHORIZED");
        assertThat(users.findByEmail("del0@example.com")).isPresent();

        setUp(b -> b.deleteUserEnabled(true).freshAge(60));
        RequestCookies fresh = signUp("del1@example.com");
        RequestCookies second = signIn("del1@example.com", "test123456");
        ApiResult<Boolean> r = api.account().deleteUser(fresh, null);
        assertThat(r.setCookies()).first().asString().startsWith("better-auth.session_token=; Max-Age=0");
        assertThat(users.findByEmail("del1@example.com")).isEmpty();
        assertThat(signedIn(second)).isFalse(); // every session of the user is gone

        RequestCookies stale = signUp("del2@example.com");
        clock.advance(Duration.ofMinutes(2));
        fails(() -> api.account().deleteUser(stale, null), 400, "SESSION_EXPIRED");
        fails(() -> api.account().deleteUser(stale, "wrong-password"), 400, "INVALID_PASSWORD");
        // this library issues no deletion tokens: any token is Better Auth's answer to an unknown one
        fails(() -> api.account().deleteUser(stale, "test123456", "abc"), 404, "INVALID_TOKEN");
        fails(() -> api.account().deleteUser(stale, "wrong-password", "abc"), 400, "INVALID_PASSWORD");
        assertThat(users.findByEmail("del2@example.com")).isPresent();
        api.account().deleteUser(stale, "test123456");
        assertThat(users.findByEmail("del2@example.com")).isEmpty();
    }

    @Test
    void listSessions_entriesCarryBetterAuthsSessionFields_andNothingOfAnotherUser() { // T-21
        RequestCookies alice = signUp("fields@example.com");
        signUp("other-fields@example.com");
        clock.advance(Duration.ofSeconds(5));
        signIn("fields@example.com", "test123456");
        List<Session> listed = api.sessions().listSessions(alice, GetSessionOptions.DEFAULT).value();
        String userId = sessions.findByToken(token(alice)).orElseThrow().userId();
        assertThat(listed).hasSize(2).allSatisfy(s -> {
            assertThat(s.userId()).isEqualTo(userId);
            assertThat(s.expiresAt()).isAfter(clock.instant());
            assertThat(EmailPasswordAuthTest.json(JsJson.stringify(s.toJson())).keySet())
                    .containsExactly("expiresAt", "token", "createdAt", "updatedAt", "ipAddress", "userAgent", "userId", "id");
        });
    }

    @Test
    void signIn_alwaysIssuesANewToken_andKeepsThePresentedSessionByDefault_asBetterAuth() { // T-12
        RequestCookies before = signUp("rotate@example.com");
        AuthResult r = auth.signIn(EmailPasswordAuthTest.body("{\"email\":\"rotate@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, before);
        RequestCookies after = device(r.setCookies());
        assertThat(token(after)).isNotEqualTo(token(before));
        assertThat(signedIn(after)).isTrue();
        assertThat(signedIn(before)).isTrue(); // Better Auth 1.7.25 leaves it in the store
    }

    @Test
    void revokeOnSignIn_deletesThePresentedSession_whoseReuseIs401() { // T-12
        setUp(b -> b.revokeOnSignIn(true));
        RequestCookies before = signUp("fixation@example.com");
        RequestCookies otherDevice = signIn("fixation@example.com", "test123456");
        AuthResult r = auth.signIn(EmailPasswordAuthTest.body("{\"email\":\"fixation@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, before);
        RequestCookies after = device(r.setCookies());
        assertThat(token(after)).isNotEqualTo(token(before));
        assertThat(sessions.findByToken(token(before))).isEmpty();
        fails(() -> api.sessions().listSessions(before, GetSessionOptions.DEFAULT), 401, "UNAUTHORIZED");
        assertThat(signedIn(after)).isTrue();
        assertThat(signedIn(otherDevice)).isTrue(); // only the presented session, not the user's others
        // a failed sign-in revokes nothing; sign-up (auto sign-in) replaces a presented session too
        fails(() -> auth.signIn(EmailPasswordAuthTest.body("{\"email\":\"fixation@example.com\",\"password\":\"wrong-password\"}"),
                ClientInfo.UNKNOWN, after), 401, "INVALID_EMAIL_OR_PASSWORD");
        assertThat(signedIn(after)).isTrue();
        RequestCookies fresh = device(auth.signUp(EmailPasswordAuthTest.body("{\"name\":\"N\",\"email\":\"new-user@example.com\","
                + "\"password\":\"test123456\"}"), ClientInfo.UNKNOWN, after).setCookies());
        assertThat(signedIn(fresh)).isTrue();
        assertThat(signedIn(after)).isFalse();
    }

    @Test
    void freshRevoke_makesEveryRevokeEndpointRequireAFreshSession_andFreshAgeZeroSwitchesItOff() { // T-17
        setUp(b -> b.freshAge(60));
        RequestCookies asBetterAuth = signUp("revoke-stale@example.com");
        clock.advance(Duration.ofMinutes(2));
        assertThat(api.sessions().revokeOtherSessions(asBetterAuth).value()).isTrue(); // default: Better Auth's sensitive read only

        setUp(b -> b.freshAge(60).freshRevoke(true));
        RequestCookies stale = signUp("revoke-stale@example.com");
        RequestCookies other = signIn("revoke-stale@example.com", "test123456");
        clock.advance(Duration.ofSeconds(60)); // now - createdAt >= freshAge
        fails(() -> api.sessions().revokeSession(stale, token(other)), 403, "SESSION_NOT_FRESH");
        fails(() -> api.sessions().revokeOtherSessions(stale), 403, "SESSION_NOT_FRESH");
        fails(() -> api.sessions().revokeSessions(stale), 403, "SESSION_NOT_FRESH");
        fails(() -> api.sessions().listSessions(stale, GetSessionOptions.DEFAULT), 403, "SESSION_NOT_FRESH");
        fails(() -> api.account().changePassword(stale, ClientInfo.UNKNOWN, "test123456", "new-password-1", false), 403, "SESSION_NOT_FRESH");
        assertThat(signedIn(other)).isTrue();
        RequestCookies recent = signIn("revoke-stale@example.com", "test123456");
        assertThat(api.sessions().revokeSession(recent, token(other)).value()).isTrue();
        assertThat(signedIn(other)).isFalse();

        setUp(b -> b.freshAge(0).freshRevoke(true));
        RequestCookies old = signUp("revoke-zero@example.com");
        clock.advance(Duration.ofDays(3));
        assertThat(api.sessions().revokeSessions(old).value()).isTrue();
        assertThat(signedIn(old)).isFalse();
    }

    @Test
    void sensitiveEndpoints_readTheStore_soARevokedSessionIsRefusedDespiteAValidCache() { // T-18
        setUp(b -> b.cookieCacheEnabled(true).deleteUserEnabled(true));
        RequestCookies device = signUp("cached@example.com");
        assertThat(device.get("better-auth.session_data")).isPresent();
        sessions.delete(token(device)); // revoked elsewhere; the cache cookie still verifies
        assertThat(manager.resolve(device, GetSessionOptions.DEFAULT).session()).isPresent(); // the documented window
        fails(() -> api.sessions().revokeSession(device, token(device)), 401, "UNAUTHORIZED");
        fails(() -> api.sessions().revokeOtherSessions(device), 401, "UNAUTHORIZED");
        fails(() -> api.sessions().revokeSessions(device), 401, "UNAUTHORIZED");
        fails(() -> api.account().changePassword(device, ClientInfo.UNKNOWN, "test123456", "new-password-1", false), 401, "UNAUTHORIZED");
        fails(() -> api.account().deleteUser(device, "test123456"), 401, "UNAUTHORIZED");
        assertThat(users.findByEmail("cached@example.com")).isPresent();
    }
    @Test
    void aStoreReadsCacheLine_staysOnTheAnswer_whateverTheHandlerThenDoes_asBetterAuthSendsIt() {
        // found by the differential harness (cookie-cache profiles): Better Auth's sensitiveSessionMiddleware re-issues
        // session_data from its store read, and that Set-Cookie stays on a 400, on delete-user's 404 while it is off,
        // and before the new session's cookies of change-password with revokeOtherSessions
        setUp(b -> b.cookieCacheEnabled(true).freshChangePassword(false));
        RequestCookies device = signUp("middleware@example.com");
        java.util.function.Predicate<String> cache = line -> line.startsWith("better-auth.session_data=");
        for (Runnable failing : List.<Runnable>of(
                () -> api.account().changePassword(device, ClientInfo.UNKNOWN, "wrong-password", "new-password-1", false),
                () -> api.account().changePassword(device, ClientInfo.UNKNOWN, "test123456", "short", false),
                () -> api.account().deleteUser(device, "test123456"))) {
            assertThatThrownBy(failing::run).isInstanceOfSatisfying(AuthException.class, e -> {
                assertThat(e.status()).isIn(400, 404);
                assertThat(e.setCookies()).as("the store read's cache").singleElement().matches(cache);
            });
        }
        List<String> changed = api.account().changePassword(device, ClientInfo.UNKNOWN, "test123456", "new-password-1",
                true).setCookies();
        assertThat(changed.stream().filter(cache)).hasSize(2);
        assertThat(changed.get(0)).as("the store read's cache first").matches(cache);
        assertThat(device(changed).get("better-auth.session_token")).isPresent();
        assertThat(signedIn(device(changed))).isTrue();
    }
}
