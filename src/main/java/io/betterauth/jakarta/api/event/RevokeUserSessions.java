package io.betterauth.jakarta.api.event;

/**
 * Fired by the host app (not by the library) when it disables or deletes an account:
 * {@code revocations.fire(new RevokeUserSessions(userId, "user-disabled"))} signs that user out everywhere, exactly as
 * {@code BetterAuthApi.revokeUserSessions} does (synchronously, in the firing thread).
 */
public record RevokeUserSessions(String userId, String reason) {
}
