package io.betterauth.jakarta.store;

import io.betterauth.jakarta.config.ModelNames;
import java.util.Map;

/**
 * Issue 17: an application's own names for Better Auth's tables and columns (Better Auth's {@code modelName} and
 * {@code fields}), every model renamed and every kind of column among them: the entity's own, the mapped
 * superclass's timestamps, converted instants, the token the additional columns key on, the user reference.
 */
final class RenamedTables {

    static final ModelNames NAMES = new ModelNames(
            new ModelNames.Model("user", "app_user", Map.of("email", "email_address", "emailVerified", "email_verified",
                    "createdAt", "created_at", "updatedAt", "updated_at")),
            new ModelNames.Model("session", "auth_session", Map.of("userId", "user_id", "token", "session_token",
                    "expiresAt", "expires_at", "ipAddress", "ip", "createdAt", "created_at")),
            new ModelNames.Model("account", "auth_account", Map.of("userId", "owner_id", "password", "password_hash",
                    "providerId", "provider", "accessTokenExpiresAt", "access_expires")),
            new ModelNames.Model("verification", "auth_verification", Map.of("identifier", "subject",
                    "expiresAt", "expires_at", "value", "secret_value")));

    private RenamedTables() {
    }
}
