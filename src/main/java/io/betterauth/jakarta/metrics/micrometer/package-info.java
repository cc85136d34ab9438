/**
 * {@link io.betterauth.jakarta.spi.AuthMetrics} on Micrometer: the container's {@code MeterRegistry} bean, else
 * {@code Metrics.globalRegistry}. Chosen only where MicroProfile Metrics is absent (a lower {@code @Priority});
 * {@code META-INF/beans.xml} excludes this package where Micrometer is absent.
 *
 * <p>May import: {@code spi}, Micrometer. Nothing else in the library imports it.
 */
package io.betterauth.jakarta.metrics.micrometer;
