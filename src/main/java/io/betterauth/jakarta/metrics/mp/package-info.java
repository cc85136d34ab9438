/**
 * {@link io.betterauth.jakarta.spi.AuthMetrics} on MicroProfile Metrics 5.1 (Payara): application-scoped counters
 * such as {@code better_auth_session_creations}, exported as {@code better_auth_session_creations_total}.
 * {@code META-INF/beans.xml} excludes this package where the container has no MicroProfile Metrics.
 *
 * <p>May import: {@code spi}, MicroProfile Metrics. Nothing else in the library imports it.
 */
package io.betterauth.jakarta.metrics.mp;
