package io.betterauth.jakarta.config.plugin;

import io.betterauth.jakarta.config.AdditionalField;
import io.betterauth.jakarta.config.ConfigurationException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code admin} plugin's options ({@code dist/plugins/admin/admin.mjs:11-21}), with Better Auth 1.7.25's
 * defaults, and the columns the plugin adds to the {@code user} and {@code session} tables
 * ({@code dist/plugins/admin/schema.mjs}). Custom {@code roles}/{@code ac} are code in Better Auth, not
 * configuration; only the two default roles, {@code admin} and {@code user}, exist here.
 *
 * @param defaultRole                  the role a new user gets, and the role of a user without one ({@code "user"})
 * @param adminRoles                   the roles that count as admins ({@code ["admin"]}); each must be a known role
 * @param adminUserIds                 users who hold every permission, whatever their role
 * @param impersonationSessionDuration seconds an impersonation session lasts (3600)
 * @param defaultBanReason             the ban reason when none is given ({@code null}: Better Auth's "No reason")
 * @param defaultBanExpiresIn          seconds a ban lasts when none is given ({@code null}: forever)
 * @param bannedUserMessage            the message of the 403 a banned user gets on signing in
 * @param allowImpersonatingAdmins     an admin may impersonate another admin
 */
public record AdminOptions(String defaultRole, List<String> adminRoles, List<String> adminUserIds,
                           long impersonationSessionDuration, String defaultBanReason, Long defaultBanExpiresIn,
                           String bannedUserMessage, boolean allowImpersonatingAdmins) {

    /** Better Auth's text for {@code bannedUserMessage}. */
    public static final String BANNED_USER_MESSAGE = "You have been banned from this application. Please contact "
            + "support if you believe this is an error.";

    /** The roles Better Auth defines by default ({@code dist/plugins/admin/access/statement.mjs}). */
    public static final Set<String> DEFAULT_ROLES = Set.of("admin", "user");

    public static final AdminOptions DEFAULT = new AdminOptions("user", List.of("admin"), List.of(), 3600, null, null,
            BANNED_USER_MESSAGE, false);

    public AdminOptions {
        defaultRole = defaultRole == null || defaultRole.isBlank() ? "user" : defaultRole;
        adminRoles = adminRoles == null || adminRoles.isEmpty() ? List.of("admin") : List.copyOf(adminRoles);
        adminUserIds = adminUserIds == null ? List.of() : List.copyOf(adminUserIds);
        bannedUserMessage = bannedUserMessage == null ? BANNED_USER_MESSAGE : bannedUserMessage;
        // Better Auth's start-up check, with its message: an admin role must be one the access control defines.
        List<String> invalid = adminRoles.stream()
                .filter(r -> !DEFAULT_ROLES.contains(r.toLowerCase(Locale.ROOT))).toList();
        if (!invalid.isEmpty()) {
            throw new ConfigurationException("Invalid admin roles: " + String.join(", ", invalid)
                    + ". Admin roles must be defined in the 'roles' configuration.");
        }
        if (impersonationSessionDuration < 1) {
            throw new ConfigurationException("better-auth.plugins.admin.impersonation-session-duration must be a "
                    + "positive number of seconds, not " + impersonationSessionDuration);
        }
        if (defaultBanExpiresIn != null && defaultBanExpiresIn < 1) {
            throw new ConfigurationException("better-auth.plugins.admin.default-ban-expires-in must be a positive "
                    + "number of seconds, not " + defaultBanExpiresIn);
        }
    }

    /**
     * The plugin's {@code user} columns, as Better Auth's {@code mergeSchema} adds them: {@code role} (filled with
     * {@link #defaultRole} on create, which Better Auth's {@code databaseHooks.user.create.before} does),
     * {@code banned} (default false, written on create), {@code banReason}, {@code banExpires}; none settable by a
     * client.
     */
    public List<AdditionalField> userFields() {
        return List.of(
                new AdditionalField("role", AdditionalField.Type.STRING, false, defaultRole, false, true, null),
                new AdditionalField("banned", AdditionalField.Type.BOOLEAN, false, Boolean.FALSE, false, true, null),
                new AdditionalField("banReason", AdditionalField.Type.STRING, false, null, false, true, null),
                new AdditionalField("banExpires", AdditionalField.Type.DATE, false, null, false, true, null));
    }

    /** The plugin's {@code session} column: {@code impersonatedBy}, the admin's user id on an impersonation session. */
    public List<AdditionalField> sessionFields() {
        return List.of(new AdditionalField("impersonatedBy", AdditionalField.Type.STRING, false, null, false, true,
                null));
    }
}
