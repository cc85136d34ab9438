package io.betterauth.jakarta.core.event;

/**
 * Something happened to a session (fired after the store write): created (on sign-in, sign-up or a password
 * change), refreshed, updated, revoked (with the reason: sign-out, revoke-session, revoke-other-sessions,
 * revoke-sessions, change-password, delete-user) or expired.
 */
public record SessionEvent(Kind kind, String reason, SessionInfo session) {

    /** What happened. */
    public enum Kind { CREATED, REFRESHED, UPDATED, REVOKED, EXPIRED }
}
