package io.betterauth.jakarta.config.option;

import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.session.AdditionalFields;

/**
 * Better Auth's {@code user} options (keys {@code better-auth.user.*}).
 *
 * @param additionalFields additional fields of the user table: the plugins' columns (the {@code admin} plugin's
 *                         {@code role}, {@code banned}, …), then the configured {@code user.additionalFields}
 * @param deleteUser       {@code user.deleteUser}
 */
public record UserOptions(AdditionalFields additionalFields, DeleteUser deleteUser) {

    public UserOptions {
        additionalFields.requireNoCoreField("better-auth.user.additional-fields", User.CORE_FIELDS);
    }

    /**
     * Better Auth's {@code user.deleteUser}.
     *
     * @param enabled {@code /delete-user} answers (off by default)
     */
    public record DeleteUser(boolean enabled) {
    }
}
