/**
 * Ours: a {@link io.betterauth.jakarta.spi.SessionStore} wrapper that keeps only a hash of each session token.
 *
 * <p>May import: {@code api}, {@code spi}, {@code core.*} and the JDK.
 */
package io.betterauth.jakarta.store.hashed;
