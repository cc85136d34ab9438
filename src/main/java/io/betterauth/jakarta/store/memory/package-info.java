/**
 * Reference stores in this JVM, for development and tests: sessions, users, a secondary storage and the {@code jwt}
 * plugin's keys.
 *
 * <p>May import: {@code api}, {@code spi} and the JDK.
 */
package io.betterauth.jakarta.store.memory;
