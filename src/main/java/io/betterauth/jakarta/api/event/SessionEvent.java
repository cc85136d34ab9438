package io.betterauth.jakarta.api.event;

/**
 * Something happened to a session (fired after the store write): created (on sign-in, sign-up or a password
 * change), refreshed, updated, revoked (with the reason: sign-out, revoke-session, revoke-other-sessions,
 * revoke-sessions, change-password, delete-user, or the one the host app gave {@code revokeUserSessions}) or
 * expired; and {@code FRESH_CHECK_FAILED} (reason {@code fresh-age}, nothing written) when a fresh session was
 * required and this one is older than {@code freshAge}.
 */
public record SessionEvent(Kind kind, String reason, SessionInfo session) {

    /** What happened. */
    public enum Kind { CREATED, REFRESHED, UPDATED, REVOKED, EXPIRED, FRESH_CHECK_FAILED }
}
