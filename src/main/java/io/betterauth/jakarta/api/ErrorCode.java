package io.betterauth.jakarta.api;

/**
 * Better Auth's error codes with their HTTP status and message, as {@code @better-auth/core@1.7.25} defines them.
 * The JSON body of every error is {@code {"message": ..., "code": ...}}.
 */
public enum ErrorCode {
    UNAUTHORIZED(401, "Unauthorized"),
    FAILED_TO_GET_SESSION(401, "Failed to get session"),
    SESSION_NOT_FRESH(403, "Session is not fresh"),
    SESSION_EXPIRED(400, "Session expired. Re-authenticate to perform this action."),
    FAILED_TO_CREATE_SESSION(401, "Failed to create session"),
    METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED(405,
            "POST method requires deferSessionRefresh to be enabled in session config"),
    INVALID_PASSWORD(400, "Invalid password"),
    INVALID_EMAIL(400, "Invalid email"),
    INVALID_EMAIL_OR_PASSWORD(401, "Invalid email or password"),
    PASSWORD_TOO_SHORT(400, "Password too short"),
    PASSWORD_TOO_LONG(400, "Password too long"),
    CREDENTIAL_ACCOUNT_NOT_FOUND(400, "Credential account not found"),
    INVALID_TOKEN(404, "Invalid token"),
    USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL(422, "User already exists. Use another email."),
    USER_NOT_FOUND(404, "User not found"),
    FAILED_TO_CREATE_USER(422, "Failed to create user"),
    EMAIL_NOT_VERIFIED(403, "Email not verified"),
    EMAIL_PASSWORD_DISABLED(400, "Email and password is not enabled"),
    EMAIL_PASSWORD_SIGN_UP_DISABLED(400, "Email and password sign up is not enabled"),
    BODY_MUST_BE_AN_OBJECT(400, "Body must be an object"),
    INVALID_ORIGIN(403, "Invalid origin"),
    INVALID_CALLBACK_URL(403, "Invalid callbackURL"),
    CROSS_SITE_NAVIGATION_LOGIN_BLOCKED(403,
            "Cross-site navigation login blocked. This request appears to be a CSRF attack."),
    EMAIL_CAN_NOT_BE_UPDATED(400, "Email can not be updated"),
    MISSING_OR_NULL_ORIGIN(403, "Missing or null Origin"),
    VALIDATION_ERROR(400, "Validation error"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    BAD_REQUEST(400, "Invalid JSON in request body"),
    /** The multi-session plugin's: a device cookie that is missing, forged or of a session that is gone. */
    INVALID_SESSION_TOKEN(401, "Invalid session token"),
    /** Ours (better-call's status name): a body over {@code better-auth.advanced.max-body-size}. */
    PAYLOAD_TOO_LARGE(413, "Request body is too large"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    INTERNAL_SERVER_ERROR(500, "Internal Server Error");

    private final int status;
    private final String message;

    ErrorCode(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
