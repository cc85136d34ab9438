/**
 * {@link io.betterauth.jakarta.spi.SecondaryStorage} on Redis through Jedis (an optional dependency): one Redis, a
 * Sentinel-watched master or a Redis Cluster, chosen by the URL
 * ({@link io.betterauth.jakarta.store.redis.RedisEndpoint}, which needs no Jedis class, so the URL is checked before
 * the dependency is looked for).
 *
 * <p>May import: {@code spi} and Jedis.
 */
package io.betterauth.jakarta.store.redis;
