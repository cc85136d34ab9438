/**
 * {@link io.betterauth.jakarta.spi.AuthMetrics} on Micrometer: the container's {@code MeterRegistry} bean, else
 * {@code Metrics.globalRegistry}. Chosen only where MicroProfile Metrics is absent (a lower {@code @Priority});
 * {@code META-INF/beans.xml} excludes this package where Micrometer is absent. Only the class without CDI annotations
 * ({@code MicrometerAuthMetrics}) names Micrometer's types: Payara's annotation scanner reflects over the annotated
 * bean ({@code MicrometerAuthMetricsBean}) whatever {@code beans.xml} says.
 *
 * <p>May import: {@code spi}, Micrometer. Nothing else in the library imports it.
 */
package io.betterauth.jakarta.metrics.micrometer;
