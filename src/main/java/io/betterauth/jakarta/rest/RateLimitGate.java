package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.security.RateLimiter;
import io.betterauth.jakarta.web.EndpointRequest;
import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import io.betterauth.jakarta.web.ClientAddress;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Better Auth's rate limit as the REST layer applies it: counts one request of the client's address against an
 * endpoint's bucket and answers 429 {@code {"message":"Too many requests. Please try again later."}} with
 * {@code X-Retry-After} once it is over the limit. The client IP is {@link ClientAddress}'s: forwarded headers count
 * only when configured (T-40). Used by {@link RateLimitFilter} for requests that matched an endpoint and by
 * {@link WebApplicationExceptionMapper} for those that matched none.
 */
final class RateLimitGate {

    /** The application's runtime (its CDI client proxy), looked up on the first request rather than on each one. */
    private volatile BetterAuthRuntime runtime;

    /**
     * Counts the request against {@code endpoint}'s bucket; the 429 answer when it is over the limit. Nothing is
     * counted when the limiter is off, without IP tracking, or when the request did not come through the library's
     * own mount at the base path (the app's JAX-RS application may scan the same resources).
     */
    Optional<Response> check(HttpServletRequest request, String endpoint) {
        BetterAuthRuntime.Services services = runtime().services();
        BetterAuthConfig config = services.config();
        RateLimiter limiter = services.rateLimiter();
        if (limiter == null || !limiter.enabled() || config.advanced().ipAddress().disableIpTracking()) {
            return Optional.empty(); // nothing is counted: skip the path checks on every request
        }
        if (EndpointRequest.at(services.endpoints().basePath()).isEmpty()) {
            return Optional.empty();
        }
        OptionalLong seconds = retryAfter(config, limiter, request, endpoint);
        return seconds.isPresent() ? Optional.of(tooManyRequests(seconds.getAsLong())) : Optional.empty();
    }

    private BetterAuthRuntime runtime() {
        BetterAuthRuntime r = runtime;
        if (r == null) {
            r = CDI.current().select(BetterAuthRuntime.class).get();
            runtime = r;
        }
        return r;
    }

    /**
     * Counts the request and answers the seconds to wait when it is over the limit. Without IP tracking nothing is
     * counted (Better Auth skips the limiter when it may not know the IP).
     *
     * @param endpoint the endpoint's path under the base path ({@code /sign-in/email}) or {@link RateLimiter#UNMATCHED}
     */
    static OptionalLong retryAfter(BetterAuthConfig config, RateLimiter limiter, HttpServletRequest request,
                                   String endpoint) {
        if (limiter == null || !limiter.enabled() || config.advanced().ipAddress().disableIpTracking()) {
            return OptionalLong.empty();
        }
        return limiter.check(ClientAddress.of(request, config).ipAddress(), endpoint);
    }

    static Response tooManyRequests(long seconds) {
        return Response.status(429).entity(RateLimiter.BODY).type(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Retry-After", String.valueOf(seconds)).build();
    }
}
