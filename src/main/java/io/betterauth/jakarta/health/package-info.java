/**
 * MicroProfile Health checks: readiness of the database ({@code better-auth-database}) and of the secondary storage
 * ({@code better-auth-redis}), each through the store's {@link io.betterauth.jakarta.spi.StoreProbe} with a bounded
 * wait, and liveness of the runtime ({@code better-auth}). {@code META-INF/beans.xml} excludes this package where
 * the container has no MicroProfile Health, so nothing here loads on Tomcat. A check's data never holds a URL, a
 * credential or a stack trace: only a short reason.
 *
 * <p>May import: {@code spi}, {@code runtime}, MicroProfile Health. Nothing else in the library imports it.
 */
package io.betterauth.jakarta.health;
