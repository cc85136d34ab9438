package io.betterauth.jakarta.core.plugin.admin;

import io.betterauth.jakarta.config.plugin.AdminOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Better Auth's {@code hasPermission} ({@code dist/plugins/admin/has-permission.mjs}) over its default access control
 * ({@code access/statement.mjs}): a user listed in {@code adminUserIds} holds every permission; otherwise the user's
 * {@code role} (or {@code defaultRole}, or {@code "user"}) is split on {@code ,} with no trimming, and the request is
 * granted when one of those roles allows every requested action of every requested resource. Role names match
 * exactly (case-sensitive, as a JavaScript object lookup); an unknown role grants nothing, and so does a request
 * with no action. Custom roles ({@code roles}/{@code ac}) are code in Better Auth and are not supported.
 */
public final class AdminPermissions {

    /** The {@code user} resource's actions the {@code admin} role holds (not {@code impersonate-admins}). */
    public static final List<String> ADMIN_USER_ACTIONS = List.of("create", "list", "set-role", "ban", "impersonate",
            "delete", "set-password", "set-email", "set-phone", "get", "update");
    /** The {@code session} resource's actions the {@code admin} role holds. */
    public static final List<String> ADMIN_SESSION_ACTIONS = List.of("list", "revoke", "delete");

    /** The default roles: {@code admin} with the actions above, {@code user} with none. */
    private static final Map<String, Map<String, Set<String>>> ROLES = Map.of(
            "admin", Map.of("user", Set.copyOf(ADMIN_USER_ACTIONS), "session", Set.copyOf(ADMIN_SESSION_ACTIONS)),
            "user", Map.of("user", Set.of(), "session", Set.of()));

    private final AdminOptions options;

    public AdminPermissions(AdminOptions options) {
        this.options = options;
    }

    /** {@link #has(String, String, Map)} for one resource: {@code has(id, role, "session", "list")}. */
    public boolean has(String userId, String role, String resource, String... actions) {
        return has(userId, role, Map.of(resource, List.of(actions)));
    }

    /**
     * Whether this user, with this {@code role} column, may do every requested action.
     *
     * @param userId      the user's id ({@code adminUserIds} grants everything)
     * @param role        the user's {@code role} column, possibly several roles joined by {@code ,}; null or empty
     *                    means {@code defaultRole}
     * @param permissions the requested actions by resource ({@code {"session": ["list"]}})
     */
    public boolean has(String userId, String role, Map<String, List<String>> permissions) {
        if (userId != null && !userId.isEmpty() && options.adminUserIds().contains(userId)) {
            return true;
        }
        if (permissions == null || permissions.isEmpty()) {
            return false;
        }
        String roles = role != null && !role.isEmpty() ? role
                : options.defaultRole() != null && !options.defaultRole().isEmpty() ? options.defaultRole() : "user";
        // JavaScript's split keeps empty pieces and blanks: "admin, user" is "admin" and " user".
        for (String name : roles.split(",", -1)) {
            Map<String, Set<String>> statements = ROLES.get(name);
            if (statements != null && authorizes(statements, permissions)) {
                return true;
            }
        }
        return false;
    }

    /** Better Auth's {@code role(statements).authorize(request)} with the default {@code AND} connector. */
    private static boolean authorizes(Map<String, Set<String>> statements, Map<String, List<String>> request) {
        for (Map.Entry<String, List<String>> e : request.entrySet()) {
            Set<String> allowed = statements.get(e.getKey());
            List<String> actions = e.getValue();
            if (allowed == null || actions == null || actions.isEmpty() || !allowed.containsAll(actions)) {
                return false;
            }
        }
        return true;
    }
}
