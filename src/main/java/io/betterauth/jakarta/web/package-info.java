/**
 * The servlet side: the {@code SessionFilter} and the {@code HttpAuthenticationMechanism} that authenticate every
 * request, the request's resolved session, the client address, {@code @RequireSession} enforcement, the
 * sessions page and the beans behind {@code BetterAuthApi} and {@code CurrentSession}.
 *
 * <p>May import: {@code api}, {@code spi}, {@code config}, {@code core.*}, {@code runtime}, Jakarta Servlet, CDI and
 * Security.
 */
package io.betterauth.jakarta.web;
