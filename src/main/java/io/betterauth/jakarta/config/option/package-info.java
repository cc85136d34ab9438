/**
 * Better Auth's option tree, one record per option object as Better Auth names it ({@code session},
 * {@code session.cookieCache}, {@code user}, {@code emailAndPassword}, {@code advanced},
 * {@code advanced.ipAddress}, {@code rateLimit}, {@code secondaryStorage}, {@code database}) plus the library's own
 * ({@code purge}, {@code sessionsPage}), and the enums its string options take. Values only: the defaults live once
 * in {@link io.betterauth.jakarta.config.BetterAuthConfig.Builder}, the keys in
 * {@link io.betterauth.jakarta.config.ConfigLoader}. Imports {@code api}, {@code config} (its exception) and the
 * value types of {@code core} an option holds.
 */
package io.betterauth.jakarta.config.option;
