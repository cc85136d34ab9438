package io.betterauth.jakarta.rest;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Better Auth's rate limit for a request that matched an endpoint, before its body is read, its origin checked or
 * its session looked up. The bucket is the endpoint that matched, as its {@code @Path} names it, not the raw request
 * path: spellings such as {@code /sign-in/email;x=1}, {@code //sign-in/email} or {@code /sign-in/email/} reach the
 * same method and so count against the same bucket (issue 15, #1). Requests that match no endpoint never get here;
 * {@link WebApplicationExceptionMapper} counts them in one shared bucket. Registered by
 * {@link BetterAuthApplication} only, so it never touches the app's own resources.
 */
@Priority(Priorities.AUTHENTICATION - 500)
public class RateLimitFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;
    @Context
    ResourceInfo resource;

    private final RateLimitGate gate = new RateLimitGate();
    /** The bucket of each resource method: as many entries as the library has endpoints. */
    private final Map<Method, String> endpoints = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext context) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return; // not a resource method of ours (cannot happen after matching)
        }
        gate.check(request, endpoints.computeIfAbsent(method, RateLimitFilter::endpoint))
                .ifPresent(context::abortWith);
    }

    /**
     * The class's {@code @Path} and the method's, joined: {@code /sign-in/email}. A resource named by its class alone
     * ({@code @Path("openapi.json")} on the class, none on the method) is {@code /openapi.json}, not {@code /}.
     */
    static String endpoint(Method method) {
        String type = segments(method.getDeclaringClass().getAnnotation(Path.class));
        String own = segments(method.getAnnotation(Path.class));
        return "/" + type + (!type.isEmpty() && !own.isEmpty() ? "/" : "") + own;
    }

    private static String segments(Path path) {
        return path == null ? "" : path.value().replaceAll("^/+|/+$", "");
    }
}
