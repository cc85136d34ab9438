/**
 * The {@code jwt} plugin's {@code jwks} table on Jakarta Persistence: its entity (listed in the library's persistence
 * unit beside the core tables; the table itself is created only when the plugin is on) and its
 * {@link io.betterauth.jakarta.spi.JwksStore}. A package of its own because the key table is a plugin's, not Better
 * Auth's core schema.
 *
 * <p>May import: {@code api}, {@code spi}, {@code config}, {@code core} and {@code store.jpa}.
 */
package io.betterauth.jakarta.store.jpa.jwks;
