package io.betterauth.jakarta.core.plugin.admin;

import static io.betterauth.jakarta.core.plugin.admin.AdminServer.json;
import static io.betterauth.jakarta.core.plugin.admin.AdminServer.names;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.plugin.admin.AdminServer.Browser;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/impersonate-user} and {@code /admin/stop-impersonating} as an admin's browser meets them: the
 * cookies Better Auth writes, what the impersonated session looks like to the app and to the user, how an
 * impersonation ends, and that a forged or foreign {@code admin_session} cookie does nothing.
 */
class ImpersonationTest {

    final AdminServer server = new AdminServer(AdminOptions.DEFAULT);
    final ImpersonationEndpoints admin = server.admin.impersonation();
    final SessionCookies cookies = new SessionCookies(server.config);

    @Test
    void anAdmin_becomesTheUser_withBetterAuthsCookies_andStopsAgain() {
        Browser root = server.signUpAdmin();
        Browser victim = server.signUp("victim");
        String adminToken = root.token();

        AuthResult r = root.call(admin::impersonateUser, "{\"userId\":\"" + victim.userId + "\"}");
        assertThat(r.status()).as(r.json()).isEqualTo(200);
        assertThat(json(r).keySet()).containsExactly("session", "user");
        JsonObject session = json(r).getJsonObject("session");
        assertThat(session.getString("userId")).isEqualTo(victim.userId);
        assertThat(session.getString("impersonatedBy")).isEqualTo(root.userId);
        assertThat(session.getString("expiresAt")).as("impersonationSessionDuration: an hour")
                .isEqualTo("2026-12-03T07:00:00.000Z");
        assertThat(session.getString("token")).isEqualTo(root.token());
        assertThat(json(r).getJsonObject("user").getString("id")).isEqualTo(victim.userId);
        assertThat(names(r.setCookies())).containsExactly("better-auth.session_token (expired)",
                "better-auth.session_data (expired)", "better-auth.dont_remember (expired)",
                "better-auth.admin_session", "better-auth.session_token", "better-auth.dont_remember");
        String adminCookie = r.setCookies().get(3);
        assertThat(adminCookie).endsWith("; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax");
        assertThat(cookies.verify(java.net.URLDecoder.decode(root.jar.get("better-auth.admin_session"),
                java.nio.charset.StandardCharsets.UTF_8)))
                .as("the admin's token and the (absent) dont_remember value").contains(adminToken + ":");
        assertThat(r.setCookies().get(4)).as("a browser-session cookie").doesNotContain("Max-Age");

        JsonObject got = json(root.getSession());
        assertThat(got.getJsonObject("user").getString("id")).isEqualTo(victim.userId);
        assertThat(got.getJsonObject("session").getString("impersonatedBy")).isEqualTo(root.userId);

        assertThat(tokens(victim.listSessions())).as("hidden from the user's own list").containsExactly(victim.token());
        assertThat(tokens(root.listSessions())).as("also in the impersonated browser").containsExactly(victim.token());
        Browser other = server.signUpAdmin();
        assertThat(json(other.call(server.admin.sessions()::listUserSessions, "{\"userId\":\"" + victim.userId
                + "\"}")).getJsonArray("sessions")).as("an admin sees it").hasSize(2);

        String impersonationToken = root.token();
        AuthResult stop = root.call(admin::stopImpersonating, "{}");
        assertThat(stop.status()).as(stop.json()).isEqualTo(200);
        assertThat(json(stop).getJsonObject("session").getString("token")).isEqualTo(adminToken);
        assertThat(json(stop).getJsonObject("user").getString("id")).isEqualTo(root.userId);
        assertThat(names(stop.setCookies())).containsExactly("better-auth.session_token",
                "better-auth.dont_remember (expired)", "better-auth.admin_session (expired)");
        assertThat(root.token()).isEqualTo(adminToken);
        assertThat(root.jar).doesNotContainKey("better-auth.admin_session");
        assertThat(server.sessions.findByToken(impersonationToken)).as("the impersonation session is gone").isEmpty();
        assertThat(json(root.getSession()).getJsonObject("user").getString("id")).isEqualTo(root.userId);
    }

    static List<String> tokens(AuthResult listSessions) {
        return io.betterauth.jakarta.core.js.ClientJson.parse(listSessions.json()).orElseThrow().asJsonArray().stream()
                .map(s -> s.asJsonObject().getString("token")).toList();
    }

    @Test
    void theImpersonationSession_endsAfterItsDuration_andIsNeverRefreshed() {
        Browser root = server.signUpAdmin();
        Browser victim = server.signUp("victim");
        root.call(admin::impersonateUser, "{\"userId\":\"" + victim.userId + "\"}");
        server.clock.advance(Duration.ofMinutes(59));
        assertThat(root.getSession().setCookies()).as("a don't-remember session is not slid").isEmpty();
        server.clock.advance(Duration.ofMinutes(2));
        assertThat(root.getSession().json()).isEqualTo("null");
    }

    @Test
    void aForgetfulAdmin_getsTheDontRememberChoiceBack() {
        Browser root = server.signUpAdmin();
        root.signInForgetful();
        String adminToken = root.token();
        Browser victim = server.signUp("victim");
        root.call(admin::impersonateUser, "{\"userId\":\"" + victim.userId + "\"}");
        assertThat(cookies.verify(java.net.URLDecoder.decode(root.jar.get("better-auth.admin_session"),
                java.nio.charset.StandardCharsets.UTF_8))).contains(adminToken + ":true");
        AuthResult stop = root.call(admin::stopImpersonating, "{}");
        assertThat(names(stop.setCookies())).containsExactly("better-auth.session_token",
                "better-auth.dont_remember", "better-auth.admin_session (expired)");
        assertThat(stop.setCookies().get(0)).doesNotContain("Max-Age");
        assertThat(root.token()).isEqualTo(adminToken);
    }

    @Test
    void stoppingWithoutAnImpersonation_failsAsBetterAuthFails() {
        Browser root = server.signUpAdmin();
        Browser nobody = server.new Browser("nobody@example.com");
        AuthResult anonymous = nobody.call(admin::stopImpersonating, "{}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json()).isEmpty();
        AuthResult notImpersonating = root.call(admin::stopImpersonating, "{}");
        assertThat(notImpersonating.status()).isEqualTo(400);
        assertThat(notImpersonating.json()).isEqualTo("{\"message\":\"You are not impersonating anyone\"}");
        assertThat(server.sessions.findByToken(root.token())).isPresent();
    }

    @Test
    void aForgedMissingOrForeignAdminCookie_doesNothing() {
        Browser root = server.signUpAdmin();
        Browser other = server.signUpAdmin();
        Browser victim = server.signUp("victim");
        root.call(admin::impersonateUser, "{\"userId\":\"" + victim.userId + "\"}");
        String impersonation = root.token();
        String genuine = root.jar.get("better-auth.admin_session");
        List<String> forgeries = List.of(
                genuine.substring(0, genuine.length() - 4) + "AAA%3D",                          // bad signature
                java.net.URLEncoder.encode(other.token() + ":", java.nio.charset.StandardCharsets.UTF_8), // unsigned
                java.net.URLEncoder.encode(cookies.sign(other.token() + ":"),                 // another admin's session
                        java.nio.charset.StandardCharsets.UTF_8),
                java.net.URLEncoder.encode(cookies.sign(victim.token() + ":"), java.nio.charset.StandardCharsets.UTF_8),
                java.net.URLEncoder.encode(cookies.sign("no-such-token"), java.nio.charset.StandardCharsets.UTF_8));
        for (String forged : forgeries) {
            root.jar.put("better-auth.admin_session", forged);
            AuthResult r = root.call(admin::stopImpersonating, "{}");
            assertThat(r.status()).as(forged).isEqualTo(500);
            assertThat(r.json()).isEqualTo("{\"message\":\"Failed to find admin session\"}");
            assertThat(root.token()).isEqualTo(impersonation);
        }
        root.jar.remove("better-auth.admin_session");
        assertThat(root.call(admin::stopImpersonating, "{}").json())
                .isEqualTo("{\"message\":\"Failed to find admin session\"}");
        assertThat(server.sessions.findByToken(impersonation)).as("still impersonating").isPresent();
        assertThat(server.sessions.findByToken(other.token())).isPresent();
        root.jar.put("better-auth.admin_session", genuine);
        assertThat(root.call(admin::stopImpersonating, "{}").status()).isEqualTo(200);
    }

    @Test
    void whoMayImpersonateWhom() {
        Browser root = server.signUpAdmin();
        Browser otherAdmin = server.signUpAdmin();
        Browser user = server.signUp("user");
        Browser victim = server.signUp("victim");

        AuthResult anonymous = server.new Browser("n@example.com").call(admin::impersonateUser,
                "{\"userId\":\"" + victim.userId + "\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json()).isEmpty();
        AuthResult forbidden = user.call(admin::impersonateUser, "{\"userId\":\"" + victim.userId + "\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json()).isEqualTo("{\"message\":\"You are not allowed to impersonate users\","
                + "\"code\":\"YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS\"}");
        AuthResult missing = root.call(admin::impersonateUser, "{\"userId\":\"nobody\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json()).isEqualTo("{\"message\":\"User not found\",\"code\":\"USER_NOT_FOUND\"}");
        AuthResult adminTarget = root.call(admin::impersonateUser, "{\"userId\":\"" + otherAdmin.userId + "\"}");
        assertThat(adminTarget.status()).isEqualTo(403);
        assertThat(adminTarget.json()).isEqualTo("{\"message\":\"You cannot impersonate admins\","
                + "\"code\":\"YOU_CANNOT_IMPERSONATE_ADMINS\"}");
        server.setRole(victim.userId, "user,admin");
        assertThat(root.call(admin::impersonateUser, "{\"userId\":\"" + victim.userId + "\"}").status())
                .as("one admin role among several").isEqualTo(403);
        AuthResult invalid = root.call(admin::impersonateUser, "{}");
        assertThat(invalid.json()).isEqualTo("{\"message\":\"[body.userId] Invalid input: expected nonoptional, "
                + "received undefined\",\"code\":\"VALIDATION_ERROR\"}");
        assertThat(server.sessions.listByUser(otherAdmin.userId)).hasSize(1);
        assertThat(server.sessions.listByUser(victim.userId)).hasSize(1);

        AdminServer allowing = new AdminServer(new AdminOptions("user", List.of("admin"), List.of(), 600, null, null,
                null, true));
        Browser a = allowing.signUpAdmin();
        Browser b = allowing.signUpAdmin();
        AuthResult allowed = a.call(allowing.admin.impersonation()::impersonateUser, "{\"userId\":\"" + b.userId + "\"}");
        assertThat(allowed.status()).as(allowed.json()).isEqualTo(200);
        assertThat(json(allowed).getJsonObject("session").getString("expiresAt")).isEqualTo("2026-12-03T06:10:00.000Z");
    }

    @Test
    void aRootAdminById_mayImpersonateAdmins_andABannedUserCannotBeImpersonated() {
        AdminServer probe = new AdminServer(AdminOptions.DEFAULT);
        Browser rootProbe = probe.signUp("root");
        AdminServer byId = new AdminServer(new AdminOptions("user", List.of("admin"), List.of(rootProbe.userId), 3600,
                null, null, null, false));
        byId.users.create(probe.user(rootProbe.userId), probe.users.findCredentialAccount(rootProbe.userId).orElseThrow());
        Browser root = byId.new Browser(rootProbe.email);
        root.signIn();
        Browser otherAdmin = byId.signUpAdmin();
        assertThat(root.call(byId.admin.impersonation()::impersonateUser, "{\"userId\":\"" + otherAdmin.userId + "\"}")
                .status()).as("adminUserIds hold impersonate-admins").isEqualTo(200);

        Browser admin2 = server.signUpAdmin();
        Browser victim = server.signUp("victim");
        admin2.call(server.admin.users()::banUser, "{\"userId\":\"" + victim.userId + "\"}");
        AuthResult banned = admin2.call(admin::impersonateUser, "{\"userId\":\"" + victim.userId + "\"}");
        assertThat(banned.status()).isEqualTo(403);
        assertThat(json(banned).getString("code")).isEqualTo("BANNED_USER");
        assertThat(admin2.token()).as("the admin keeps their session").isNotNull();
    }

    @Test
    void withTheCookieCache_theImpersonatedSessionIsCached_andTheAdminsCacheComesBack() {
        AdminServer cached = new AdminServer(AdminOptions.DEFAULT, true);
        Browser root = cached.signUpAdmin();
        Browser victim = cached.signUp("victim");
        AuthResult r = root.call(cached.admin.impersonation()::impersonateUser, "{\"userId\":\"" + victim.userId + "\"}");
        assertThat(names(r.setCookies())).as("deleteSessionCookie expires the cache, then each cache cookie sent")
                .containsExactly("better-auth.session_token (expired)", "better-auth.session_data (expired)",
                "better-auth.session_data (expired)", "better-auth.dont_remember (expired)",
                "better-auth.admin_session", "better-auth.session_token", "better-auth.dont_remember",
                "better-auth.session_data");
        assertThat(json(root.getSession()).getJsonObject("session").getString("impersonatedBy")).isEqualTo(root.userId);
        AuthResult stop = root.call(cached.admin.impersonation()::stopImpersonating, "{}");
        assertThat(names(stop.setCookies())).containsExactly("better-auth.session_token",
                "better-auth.dont_remember (expired)", "better-auth.session_data", "better-auth.admin_session (expired)");
        assertThat(json(root.getSession()).getJsonObject("user").getString("id")).isEqualTo(root.userId);
    }
}
