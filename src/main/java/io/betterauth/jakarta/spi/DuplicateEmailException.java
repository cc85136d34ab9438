package io.betterauth.jakarta.spi;

/** A user with that email already exists; sign-up answers 422 {@code USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL}. */
public class DuplicateEmailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateEmailException(String email, Throwable cause) {
        super("A user with this email already exists", cause);
    }
}
