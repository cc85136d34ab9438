/**
 * The public API applications use, and the types the SPI speaks: the {@code session} and {@code user} rows
 * ({@link io.betterauth.jakarta.api.Session}, {@link io.betterauth.jakarta.api.User}), errors in Better Auth's
 * shape ({@link io.betterauth.jakarta.api.AuthException}, {@link io.betterauth.jakarta.api.ErrorCode}), the
 * injectable {@link io.betterauth.jakarta.api.BetterAuthApi} and {@link io.betterauth.jakarta.api.CurrentSession},
 * and {@link io.betterauth.jakarta.api.RequireSession}.
 *
 * <p>May import: {@code api.*}, the JDK, and Jakarta Servlet/CDI/Interceptor annotations and types. Nothing else
 * of the library: an application that compiles against {@code api} and {@code spi} sees no internals.
 */
package io.betterauth.jakarta.api;
