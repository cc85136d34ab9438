package io.betterauth.jakarta.store.secondary;

/** One entry of Better Auth's {@code active-sessions-<userId>} list: a session's token and its expiry (epoch ms). */
record ActiveSession(String token, long expiresAt) {
}
