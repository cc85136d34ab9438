package io.betterauth.jakarta.core.plugin.admin;

import static io.betterauth.jakarta.core.plugin.admin.AdminServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.plugin.admin.AdminServer.Browser;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/ban-user} and {@code /admin/unban-user} as an admin's client meets them: Better Auth's order and
 * errors, what a ban writes and revokes, how it ends.
 */
class AdminBanTest {

    final AdminServer server = new AdminServer(AdminOptions.DEFAULT);
    final AdminUserEndpoints admin = server.admin.users();

    @Test
    void aBan_writesTheColumns_revokesEverySession_andRefusesTheNextSignIn() {
        Browser root = server.signUpAdmin();
        Browser victim = server.signUp("victim");
        assertThat(victim.signIn().status()).isEqualTo(200);
        assertThat(server.sessions.listByUser(victim.userId)).hasSize(2);

        AuthResult r = root.call(admin::banUser, "{\"userId\":\"" + victim.userId + "\",\"banReason\":\"spam\","
                + "\"banExpiresIn\":3600}");
        assertThat(r.status()).as(r.json()).isEqualTo(200);
        JsonObject user = json(r).getJsonObject("user");
        assertThat(json(r).keySet()).containsExactly("user");
        assertThat(user.getString("id")).isEqualTo(victim.userId);
        assertThat(user.getBoolean("banned")).isTrue();
        assertThat(user.getString("banReason")).isEqualTo("spam");
        assertThat(user.getString("banExpires")).isEqualTo("2026-12-03T07:00:00.000Z");
        assertThat(user.getString("updatedAt")).isEqualTo("2026-12-03T06:00:00.000Z");
        assertThat(user.getString("role")).isEqualTo("user");
        assertThat(server.sessions.listByUser(victim.userId)).as("every session revoked").isEmpty();
        assertThat(server.sessions.listByUser(root.userId)).as("the admin's stays").hasSize(1);

        AuthResult refused = victim.signIn();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json()).isEqualTo("{\"message\":\"" + AdminOptions.BANNED_USER_MESSAGE
                + "\",\"code\":\"BANNED_USER\"}");

        server.clock.advance(Duration.ofSeconds(3601));
        assertThat(victim.signIn().status()).as("the ban has run out: lifted on sign-in").isEqualTo(200);
        User lifted = server.user(victim.userId);
        assertThat(lifted.additional().get("banned")).isEqualTo(false);
        assertThat(lifted.additional().get("banReason")).isNull();
    }

    @Test
    void withoutReasonOrDuration_theBanIsForever_forNoReason_orTheConfiguredDefaults() {
        Browser root = server.signUpAdmin();
        Browser victim = server.signUp("victim");
        JsonObject user = json(root.call(admin::banUser, "{\"userId\":\"" + victim.userId
                + "\",\"banReason\":\"\",\"banExpiresIn\":0}")).getJsonObject("user");
        assertThat(user.getString("banReason")).as("an empty reason is JavaScript-falsy").isEqualTo("No reason");
        assertThat(user.isNull("banExpires")).as("zero seconds is falsy: forever").isTrue();
        server.clock.advance(Duration.ofDays(3650));
        assertThat(victim.signIn().status()).isEqualTo(403);

        AdminServer configured = new AdminServer(new AdminOptions("user", List.of("admin"), List.of(), 3600,
                "Terms of service", 86400L, null, false));
        Browser root2 = configured.signUpAdmin();
        Browser victim2 = configured.signUp("victim");
        JsonObject defaulted = json(root2.call(configured.admin.users()::banUser, "{\"userId\":\"" + victim2.userId
                + "\"}")).getJsonObject("user");
        assertThat(defaulted.getString("banReason")).isEqualTo("Terms of service");
        assertThat(defaulted.getString("banExpires")).isEqualTo("2026-12-04T06:00:00.000Z");
        assertThat(json(root2.call(configured.admin.users()::banUser, "{\"userId\":\"" + victim2.userId
                + "\",\"banExpiresIn\":1.5}")).getJsonObject("user").getString("banExpires"))
                .as("seconds may be fractional, as Date.now() + s * 1000").isEqualTo("2026-12-03T06:00:01.500Z");
    }

    @Test
    void unban_clearsTheBan_andTheUserSignsInAgain() {
        Browser root = server.signUpAdmin();
        Browser victim = server.signUp("victim");
        root.call(admin::banUser, "{\"userId\":\"" + victim.userId + "\"}");
        server.clock.advance(Duration.ofMinutes(5));
        AuthResult r = root.call(admin::unbanUser, "{\"userId\":\"" + victim.userId + "\"}");
        assertThat(r.status()).as(r.json()).isEqualTo(200);
        JsonObject user = json(r).getJsonObject("user");
        assertThat(user.getBoolean("banned")).isFalse();
        assertThat(user.isNull("banReason")).isTrue();
        assertThat(user.isNull("banExpires")).isTrue();
        assertThat(user.getString("updatedAt")).isEqualTo("2026-12-03T06:05:00.000Z");
        assertThat(victim.signIn().status()).isEqualTo(200);
    }

    @Test
    void betterAuthsErrors_inItsOrder() {
        Browser root = server.signUpAdmin();
        Browser user = server.signUp("user");
        Browser nobody = server.new Browser("nobody@example.com");

        AuthResult invalid = nobody.call(admin::banUser, "{\"banReason\":null,\"banExpiresIn\":\"5\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json()).isEqualTo("{\"message\":\"[body.userId] Invalid input: expected nonoptional, "
                + "received undefined; [body.banReason] Invalid input: expected string, received null; "
                + "[body.banExpiresIn] Invalid input: expected number, received string\",\"code\":\"VALIDATION_ERROR\"}");
        assertThat(nobody.call(admin::banUser, "{\"userId\":\"u\",\"banExpiresIn\":1e400}").json())
                .contains("[body.banExpiresIn] Invalid input: expected number, received Infinity");

        AuthResult anonymous = nobody.call(admin::banUser, "{\"userId\":\"" + user.userId + "\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json()).isEmpty();

        for (var endpoint : List.<java.util.function.BiFunction<io.betterauth.jakarta.core.endpoint.RequestBody,
                io.betterauth.jakarta.core.endpoint.Caller, AuthResult>>of(admin::banUser, admin::unbanUser)) {
            AuthResult forbidden = user.call(endpoint, "{\"userId\":\"" + root.userId + "\"}");
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.json()).isEqualTo("{\"message\":\"You are not allowed to ban users\","
                    + "\"code\":\"YOU_ARE_NOT_ALLOWED_TO_BAN_USERS\"}");
            AuthResult missing = root.call(endpoint, "{\"userId\":\"no-such-user\"}");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json()).isEqualTo("{\"message\":\"User not found\",\"code\":\"USER_NOT_FOUND\"}");
        }
        assertThat(server.user(root.userId).additional().get("banned")).isEqualTo(false);

        AuthResult self = root.call(admin::banUser, "{\"userId\":\"" + root.userId + "\"}");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json()).isEqualTo("{\"message\":\"You cannot ban yourself\",\"code\":\"YOU_CANNOT_BAN_YOURSELF\"}");
        assertThat(server.sessions.listByUser(root.userId)).hasSize(1);
    }

    @Test
    void aBanTooLongForADate_orAReasonNoColumnHolds_is400_neverA500() {
        Browser root = server.signUpAdmin();
        Browser victim = server.signUp("victim");
        for (String huge : List.of("1e300", "-1e300", "8.64e12", "1.7976931348623157e308")) {
            AuthResult r = root.call(admin::banUser, "{\"userId\":\"" + victim.userId + "\",\"banExpiresIn\":" + huge + "}");
            assertThat(r.status()).as(huge).isEqualTo(400);
            assertThat(json(r).getString("code")).isEqualTo("VALIDATION_ERROR");
            assertThat(json(r).getString("message")).startsWith("[body.banExpiresIn] Too ");
        }
        AuthResult nul = root.call(admin::banUser, "{\"userId\":\"" + victim.userId + "\",\"banReason\":\"a\\u0000b\"}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(server.user(victim.userId).additional().get("banned")).isEqualTo(false);
        assertThat(server.sessions.listByUser(victim.userId)).as("nothing revoked by a refused ban").hasSize(1);
        assertThat(root.call(admin::banUser, "{\"userId\":\"" + victim.userId + "\",\"banExpiresIn\":-60}").status())
                .as("a ban that has already ended is written, and lifted at the next sign-in").isEqualTo(200);
        assertThat(victim.signIn().status()).isEqualTo(200);
    }

    @Test
    void theAdminsOwnRole_isReadFromTheStore_soADemotedAdminCannotBan() {
        Browser root = server.signUpAdmin();
        Browser victim = server.signUp("victim");
        server.setRole(root.userId, "user");
        assertThat(root.call(admin::banUser, "{\"userId\":\"" + victim.userId + "\"}").status()).isEqualTo(403);
        server.setRole(root.userId, "user,admin");
        assertThat(root.call(admin::banUser, "{\"userId\":\"" + victim.userId + "\"}").status())
                .as("one of several roles is enough").isEqualTo(200);
        assertThat(Instant.parse(json(root.last).getJsonObject("user").getString("updatedAt")))
                .isEqualTo(server.clock.instant());
    }
}
