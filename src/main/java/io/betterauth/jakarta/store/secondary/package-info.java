/**
 * Sessions in Better Auth's secondary storage, in Better Auth 1.7.25's exact key and value layout, alone or
 * in front of the database (Better Auth's {@code storeSessionInDatabase} and {@code preserveSessionInDatabase}).
 *
 * <p>May import: {@code api}, {@code spi}, {@code config}, {@code core.js} and the JDK.
 */
package io.betterauth.jakarta.store.secondary;
