/**
 * Reference stores in this JVM, for development and tests: sessions, users and a secondary storage.
 *
 * <p>May import: {@code api}, {@code spi} and the JDK.
 */
package io.betterauth.jakarta.store.memory;
