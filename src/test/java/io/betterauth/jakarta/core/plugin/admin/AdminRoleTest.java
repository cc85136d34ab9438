package io.betterauth.jakarta.core.plugin.admin;

import static io.betterauth.jakarta.core.plugin.admin.AdminServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.plugin.admin.AdminServer.Browser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/set-role}, {@code /admin/get-user} and {@code /admin/remove-user}: an admin makes another admin (who then may act) and reads a
 * user; a non-admin cannot; Better Auth's validation and errors; an id no column holds is nobody's, never a 500.
 */
class AdminRoleTest {

    final AdminServer server = new AdminServer(AdminOptions.DEFAULT);
    final AdminUserEndpoints admin = server.admin.users();

    @Test
    void anAdminPromotesAUser_whoThenMayBan_andArraysOfRolesAreJoined() {
        Browser root = server.signUpAdmin();
        Browser deputy = server.signUp("deputy");
        Browser victim = server.signUp("victim");
        assertThat(deputy.call(admin::banUser, "{\"userId\":\"" + victim.userId + "\"}").status()).isEqualTo(403);

        AuthResult r = root.call(admin::setRole, "{\"userId\":\"" + deputy.userId + "\",\"role\":[\"user\",\"admin\"]}");
        assertThat(r.status()).as(r.json()).isEqualTo(200);
        assertThat(json(r).getJsonObject("user").getString("role")).isEqualTo("user,admin");
        assertThat(deputy.call(admin::banUser, "{\"userId\":\"" + victim.userId + "\"}").status()).isEqualTo(200);

        assertThat(json(root.call(admin::setRole, "{\"userId\":\"" + deputy.userId + "\",\"role\":\"user\"}"))
                .getJsonObject("user").getString("role")).isEqualTo("user");
        assertThat(deputy.call(admin::unbanUser, "{\"userId\":\"" + victim.userId + "\"}").status())
                .as("demoted: at once, the role is read from the store").isEqualTo(403);
    }

    @Test
    void setRole_errors() {
        Browser root = server.signUpAdmin();
        Browser user = server.signUp("user");
        for (String role : List.of("", ",\"role\":1", ",\"role\":[\"a\",1]", ",\"role\":null")) {
            AuthResult r = root.call(admin::setRole, "{\"userId\":\"" + user.userId + "\"" + role + "}");
            assertThat(r.status()).as(role).isEqualTo(400);
            assertThat(r.json()).isEqualTo("{\"message\":\"[body.role] Invalid input\",\"code\":\"VALIDATION_ERROR\"}");
        }
        AuthResult self = user.call(admin::setRole, "{\"userId\":\"" + user.userId + "\",\"role\":\"admin\"}");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json()).isEqualTo("{\"message\":\"You are not allowed to change users role\","
                + "\"code\":\"YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE\"}");
        assertThat(server.user(user.userId).additional().get("role")).isEqualTo("user");
        assertThat(root.call(admin::setRole, "{\"userId\":\"nobody\",\"role\":\"admin\"}").status()).isEqualTo(404);
        assertThat(root.call(admin::setRole, "{\"userId\":\"" + user.userId + "\",\"role\":\"a\\u0000\"}").status())
                .as("a role no column holds").isEqualTo(400);
    }

    @Test
    void getUser_answersTheUserItself() {
        Browser root = server.signUpAdmin();
        Browser user = server.signUp("user");
        AuthResult r = root.call((b, c) -> admin.getUser(List.of(user.userId), c), "{}");
        assertThat(r.status()).as(r.json()).isEqualTo(200);
        assertThat(json(r).getString("id")).isEqualTo(user.userId);
        assertThat(json(r).getString("email")).isEqualTo(user.email);
        assertThat(json(r).getBoolean("banned")).isFalse();

        assertThat(root.call((b, c) -> admin.getUser(null, c), "{}").json()).isEqualTo("{\"message\":\"[query.id] "
                + "Invalid input: expected string, received undefined\",\"code\":\"VALIDATION_ERROR\"}");
        assertThat(root.call((b, c) -> admin.getUser(List.of("a", "b"), c), "{}").json())
                .contains("expected string, received array");
        AuthResult forbidden = user.call((b, c) -> admin.getUser(List.of(root.userId), c), "{}");
        assertThat(forbidden.json()).isEqualTo("{\"message\":\"You are not allowed to get user\","
                + "\"code\":\"YOU_ARE_NOT_ALLOWED_TO_GET_USER\"}");
        AuthResult missing = root.call((b, c) -> admin.getUser(List.of("x\u0000y"), c), "{}");
        assertThat(missing.status()).as("an id no column holds is nobody's").isEqualTo(404);
        assertThat(server.new Browser("n@example.com").call((b, c) -> admin.getUser(List.of("x"), c), "{}").status())
                .isEqualTo(401);
    }

    @Test
    void removeUser_deletesTheUserAndEverySession_butNeverOneself() {
        Browser root = server.signUpAdmin();
        Browser user = server.signUp("user");
        user.signIn();
        AuthResult forbidden = user.call(admin::removeUser, "{\"userId\":\"" + root.userId + "\"}");
        assertThat(forbidden.json()).isEqualTo("{\"message\":\"You are not allowed to delete users\","
                + "\"code\":\"YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS\"}");
        AuthResult self = root.call(admin::removeUser, "{\"userId\":\"" + root.userId + "\"}");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json()).isEqualTo("{\"message\":\"You cannot remove yourself\","
                + "\"code\":\"YOU_CANNOT_REMOVE_YOURSELF\"}");
        assertThat(root.call(admin::removeUser, "{\"userId\":\"nobody\"}").status()).isEqualTo(404);

        AuthResult removed = root.call(admin::removeUser, "{\"userId\":\"" + user.userId + "\"}");
        assertThat(removed.json()).isEqualTo("{\"success\":true}");
        assertThat(server.users.findById(user.userId)).isEmpty();
        assertThat(server.sessions.listByUser(user.userId)).isEmpty();
        assertThat(user.signIn().status()).as("the account is gone too").isEqualTo(401);
        assertThat(server.users.findById(root.userId)).isPresent();
    }

    @Test
    void idsNoColumnHolds_areNobodys_inEveryAdminEndpoint() {
        Browser root = server.signUpAdmin();
        String nul = "{\"userId\":\"a\\u0000b\"}";
        assertThat(root.call(admin::banUser, nul).status()).isEqualTo(404);
        assertThat(root.call(admin::unbanUser, nul).status()).isEqualTo(404);
        assertThat(root.call(server.admin.impersonation()::impersonateUser, nul).status()).isEqualTo(404);
        assertThat(root.call(server.admin.sessions()::listUserSessions, nul).json()).isEqualTo("{\"sessions\":[]}");
        assertThat(root.call(server.admin.sessions()::revokeUserSessions, nul).json()).isEqualTo("{\"success\":true}");
    }
}
