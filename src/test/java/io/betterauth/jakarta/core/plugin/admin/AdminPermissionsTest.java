package io.betterauth.jakarta.core.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.config.plugin.AdminOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Better Auth's {@code hasPermission} over the default roles, as the admin endpoints will ask it. */
class AdminPermissionsTest {

    final AdminPermissions defaults = new AdminPermissions(AdminOptions.DEFAULT);

    @Test
    void theAdminRole_holdsEveryDefaultUserAndSessionAction_butNotImpersonatingAdmins() {
        for (String action : AdminPermissions.ADMIN_USER_ACTIONS) {
            assertThat(defaults.has("u1", "admin", "user", action)).as(action).isTrue();
        }
        assertThat(defaults.has("u1", "admin", "session", "list", "revoke", "delete")).isTrue();
        assertThat(defaults.has("u1", "admin", "user", "impersonate-admins")).isFalse();
        assertThat(defaults.has("u1", "admin", "session", "list", "impersonate-admins")).isFalse();
    }

    @Test
    void theUserRole_anUnknownRole_andNoRole_grantNothing() {
        assertThat(defaults.has("u1", "user", "session", "list")).isFalse();
        assertThat(defaults.has("u1", "superuser", "session", "list")).isFalse();
        assertThat(defaults.has("u1", "Admin", "session", "list")).as("role names are case-sensitive").isFalse();
        assertThat(defaults.has("u1", null, "session", "list")).as("no role is defaultRole, user").isFalse();
        assertThat(defaults.has("u1", "", "user", "list")).isFalse();
    }

    @Test
    void aDefaultRoleOfAdmin_makesUsersWithoutARoleAdmins() {
        AdminPermissions adminByDefault = new AdminPermissions(new AdminOptions("admin", List.of("admin"), List.of(),
                3600, null, null, null, false));
        assertThat(adminByDefault.has("u1", null, "session", "revoke")).isTrue();
        assertThat(adminByDefault.has("u1", "user", "session", "revoke")).isFalse();
    }

    @Test
    void severalRoles_areCommaSeparated_andAnyOneThatCoversTheRequestGrantsIt_withoutTrimming() {
        assertThat(defaults.has("u1", "user,admin", "session", "revoke")).isTrue();
        assertThat(defaults.has("u1", "user, admin", "session", "revoke")).as("' admin' is not a role").isFalse();
    }

    @Test
    void aRequest_needsEveryActionOfEveryResource_andAnEmptyRequestIsRefused() {
        assertThat(defaults.has("u1", "admin", Map.of("user", List.of("ban"), "session", List.of("revoke"))))
                .isTrue();
        assertThat(defaults.has("u1", "admin", Map.of("user", List.of("ban"), "organization", List.of("read"))))
                .isFalse();
        assertThat(defaults.has("u1", "admin", "user")).isFalse();
        assertThat(defaults.has("u1", "admin", Map.of())).isFalse();
    }

    @Test
    void adminUserIds_holdEveryPermission_whateverTheirRole() {
        AdminPermissions byId = new AdminPermissions(new AdminOptions("user", List.of("admin"), List.of("root-id"),
                3600, null, null, null, false));
        assertThat(byId.has("root-id", "user", "user", "impersonate-admins")).isTrue();
        assertThat(byId.has("root-id", null, Map.of())).isTrue();
        assertThat(byId.has("other", "user", "session", "list")).isFalse();
    }
}
