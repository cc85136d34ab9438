package io.betterauth.jakarta.api;

import java.time.Instant;

/**
 * One row of Better Auth's {@code account} table. Email sign-in uses the {@code credential} provider, whose
 * {@code accountId} is the user id and whose {@code password} holds the scrypt hash.
 */
public record Account(String id, String accountId, String providerId, String userId, String password,
                      Instant createdAt, Instant updatedAt) {

    public static final String CREDENTIAL_PROVIDER = "credential";
}
