package io.betterauth.jakarta.it;

import java.util.List;

/**
 * Better Auth on Node and our server with the same configuration, the same secret, database and Redis: what one
 * writes the other must read. {@link #on(String)} and {@link #otherThan(String)} let a scenario run in either
 * direction ({@code "node"} or {@code "java"}).
 */
record ServerPair(AuthClient node, AuthClient java) {

    AuthClient on(String side) {
        return switch (side) {
            case "node" -> node;
            case "java" -> java;
            default -> throw new IllegalArgumentException(side);
        };
    }

    AuthClient otherThan(String side) {
        return on(side).equals(node) ? java : node;
    }

    List<AuthClient> both() {
        return List.of(node, java);
    }
}
