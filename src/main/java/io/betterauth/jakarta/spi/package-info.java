/**
 * The extension points: where sessions and users are stored ({@link io.betterauth.jakarta.spi.SessionStore},
 * {@link io.betterauth.jakarta.spi.UserStore}, Better Auth's {@code secondaryStorage} as
 * {@link io.betterauth.jakarta.spi.SecondaryStorage}, the {@code jwt} plugin's keys as
 * {@link io.betterauth.jakarta.spi.JwksStore}), optional store capabilities as separate interfaces
 * ({@link io.betterauth.jakarta.spi.AtomicSecondaryStorage}, {@link io.betterauth.jakarta.spi.ExpiredSessionPurge},
 * {@link io.betterauth.jakarta.spi.StoreProbe} for health checks), the app's hooks (events, roles, the custom-session
 * answer) and the operator's counters ({@link io.betterauth.jakarta.spi.AuthMetrics}).
 *
 * <p>May import: {@code api} and the JDK only.
 */
package io.betterauth.jakarta.spi;
