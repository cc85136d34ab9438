package io.betterauth.jakarta.spi;

/** The store could not be reached or failed; endpoints answer 503 in Better Auth's error shape, never lose data. */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
