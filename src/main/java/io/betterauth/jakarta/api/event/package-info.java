/**
 * Better Auth's database hooks as events: before-events ({@code SessionCreating}, {@code UserUpdating}, …)
 * that may change data or veto with a Better Auth error, and after-events ({@code SessionEvent}, {@code UserEvent},
 * {@code SignInEvent}). Observed as CDI events or through {@link io.betterauth.jakarta.spi.AuthEvents}.
 *
 * <p>May import: {@code api} and the JDK.
 */
package io.betterauth.jakarta.api.event;
