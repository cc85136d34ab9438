package io.betterauth.jakarta.web;

import io.betterauth.jakarta.core.endpoint.BasePath;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The request the library's base-path filter ({@link RawContentTypeFilter}) is passing on to the library's JAX-RS
 * application, on the thread that serves it; empty anywhere else.
 *
 * <p>Two uses. It is the endpoints' mount check: a request reaches them through the library's own application only
 * below the base path, where that filter runs; the app's own JAX-RS application scanning the same resources serves
 * other paths, where it does not (404 there). And it hands the hottest endpoint, {@code get-session}, its servlet
 * request without JAX-RS injection: Jersey resolves each {@code @Context} parameter through HK2 on every call, which
 * was 8 % of a cached {@code get-session}'s CPU on Payara (BENCHMARKS.md).
 *
 * <p>Set for the duration of the filter chain and restored after it (a nested dispatch sees its own request), so
 * nothing outlives the request on a pooled thread. The endpoints are synchronous, so the JAX-RS runtime calls them
 * on the filter's thread.
 */
public final class EndpointRequest {

    private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

    private EndpointRequest() {
    }

    /** The request the base-path filter is passing on on this thread, if this thread is serving one. */
    public static Optional<HttpServletRequest> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * This thread's request when it is for the library's own JAX-RS servlet, mapped at {@code base}'s
     * {@code <path>/*}: its servlet path is the base path. A servlet the app maps deeper below the base path (its own
     * JAX-RS application scanning the library's classes at {@code <path>/sub/*}) also passes the filter, but is not
     * the endpoints' mount: their rate limit and error mapping live in the library's application only.
     */
    public static Optional<HttpServletRequest> at(BasePath base) {
        HttpServletRequest request = CURRENT.get();
        return request != null && base.path().equals(request.getServletPath()) ? Optional.of(request)
                : Optional.empty();
    }

    /** Makes {@code request} this thread's endpoint request; returns the one to {@link #restore} afterwards. */
    static HttpServletRequest enter(HttpServletRequest request) {
        HttpServletRequest previous = CURRENT.get();
        CURRENT.set(request);
        return previous;
    }

    /** Puts back what {@link #enter} returned, in a {@code finally}: nothing stays on a pooled thread. */
    static void restore(HttpServletRequest previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
