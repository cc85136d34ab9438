package io.betterauth.jakarta.api.event;

/**
 * An email-and-password sign-in attempt, after it was decided: {@code SUCCEEDED} (with the new session, never its
 * token) or {@code FAILED} with Better Auth's error code ({@code INVALID_EMAIL_OR_PASSWORD}, …). {@code userId} is
 * null when the email matches no user; {@code email} is what the client sent, lowercased, so an observer can count
 * failures per account (the audit log never writes it).
 */
public record SignInEvent(Kind kind, String email, String userId, String code, String ipAddress, String userAgent,
                          SessionInfo session) {

    /** How the attempt ended. */
    public enum Kind { SUCCEEDED, FAILED }
}
