package io.betterauth.jakarta.api;

/** What {@code changePassword} answers: the user, and the new session's token when other sessions were revoked. */
public record PasswordChange(String token, User user) {
}
