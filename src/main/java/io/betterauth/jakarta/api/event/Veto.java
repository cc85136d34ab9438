package io.betterauth.jakarta.api.event;

import io.betterauth.jakarta.api.AuthException;
import java.util.List;

/** Lets a before-listener stop the operation with an error that reaches the client in Better Auth's shape. */
public abstract class Veto {

    /** Stops the operation: the client gets {@code status} and {@code {"message","code"}}. */
    public void reject(int status, String code, String message) {
        throw new AuthException(status, code, message, List.of());
    }
}
