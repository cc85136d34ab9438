package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.core.BetterAuthConfig;
import io.betterauth.jakarta.core.RateLimiter;
import io.betterauth.jakarta.web.BetterAuthRuntime;
import io.betterauth.jakarta.web.ClientAddress;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;

/**
 * Better Auth's rate limit, first of all (before routing, body parsing and the origin check): a request over its
 * bucket's limit gets 429 {@code {"message":"Too many requests. Please try again later."}} with
 * {@code X-Retry-After} and {@code Content-Type: application/json}. The client IP is {@link ClientAddress}'s:
 * forwarded headers count only when configured (T-40). Registered by {@link BetterAuthApplication} only, so it never
 * touches the app's own resources.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class RateLimitFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    /** The application's runtime (its CDI client proxy), looked up on the first request rather than on each one. */
    private volatile BetterAuthRuntime runtime;

    @Override
    public void filter(ContainerRequestContext context) {
        BetterAuthRuntime.Services services = runtime().services();
        BetterAuthConfig config = services.config();
        RateLimiter limiter = services.rateLimiter();
        if (limiter == null || !limiter.enabled() || config.disableIpTracking()) {
            return; // nothing is counted: skip the path checks on every request
        }
        if (!BasePathMount.matches(context.getUriInfo(), request, config.basePath())) {
            return; // not mounted here: the resource answers 404
        }
        retryAfter(config, limiter, request, context.getUriInfo().getPath(true))
                .ifPresent(seconds -> context.abortWith(tooManyRequests(seconds)));
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
     * @param path the path under the base path; a query is ignored
     */
    static OptionalLong retryAfter(BetterAuthConfig config, RateLimiter limiter, HttpServletRequest request,
                                   String path) {
        if (limiter == null || !limiter.enabled() || config.disableIpTracking()) {
            return OptionalLong.empty();
        }
        return limiter.check(ClientAddress.of(request, config).ipAddress(), path);
    }

    static Response tooManyRequests(long seconds) {
        return Response.status(429).entity(RateLimiter.BODY).type(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Retry-After", String.valueOf(seconds)).build();
    }
}
