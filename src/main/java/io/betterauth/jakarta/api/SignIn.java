package io.betterauth.jakarta.api;

/**
 * What {@code signIn} and {@code signUp} answer: the new session's token ({@code null} when sign-up does not sign
 * the user in, {@code better-auth.email-and-password.auto-sign-in=false}) and the user.
 */
public record SignIn(String token, User user) {
}
