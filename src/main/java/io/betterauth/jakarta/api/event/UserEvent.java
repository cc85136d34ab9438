package io.betterauth.jakarta.api.event;

import io.betterauth.jakarta.api.User;

/** Something happened to a user (fired after the store write). */
public record UserEvent(Kind kind, User user) {

    /** What happened. */
    public enum Kind { CREATED, UPDATED, DELETED }
}
