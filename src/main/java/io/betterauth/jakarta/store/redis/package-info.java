/**
 * {@link io.betterauth.jakarta.spi.SecondaryStorage} on Redis through Jedis (an optional dependency).
 *
 * <p>May import: {@code spi} and Jedis.
 */
package io.betterauth.jakarta.store.redis;
