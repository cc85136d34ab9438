package io.betterauth.jakarta.web;

import io.betterauth.jakarta.core.endpoint.BasePath;
import io.betterauth.jakarta.config.BetterAuthConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;

/**
 * Leaves a request's {@code Content-Type} to the library's endpoints alone, past the JAX-RS runtime. The runtimes
 * parse the header on their own terms before any endpoint or JAX-RS filter runs, and fail on values Better Auth
 * merely refuses: Jersey answers {@code ;}, an empty value, {@code /} or a repeated header with an empty 400, RESTEasy
 * answers {@code application/json;;; q} with a 500 ({@code NumberFormatException} on the empty q-factor). The
 * endpoints accept any media type and read the body as a stream, so the runtime needs no content type: this filter
 * hands it the request without the header and keeps the raw value for {@link #contentType}, from which the endpoints
 * answer as Better Auth does (415 {@code UNSUPPORTED_MEDIA_TYPE} for a body of a type they do not take). Registered at
 * start-up for the base path only; the request it passes on is the thread's {@link EndpointRequest} meanwhile.
 */
public final class RawContentTypeFilter implements Filter {

    static final String FILTER_NAME = "BetterAuthRawContentTypeFilter";
    /** The raw header, repeated lines joined, of a request this filter passed on without it. */
    private static final String RAW_CONTENT_TYPE = "io.betterauth.jakarta.rawContentType";
    private static final String CONTENT_TYPE = "Content-Type";
    /**
     * Also hidden from the runtime: the endpoints answer JSON whatever a client accepts, as Better Auth does, and the
     * runtimes parse it as they parse {@code Content-Type} (a malformed q-factor, a 406 for {@code text/html}).
     */
    private static final String ACCEPT = "Accept";

    /**
     * Maps the filter to {@code <base path>/*}, for requests and forwards (an app forwarding to an endpoint reaches it
     * as before: the endpoints answer only what this filter passes on); nothing happens when the application
     * registered one of this name.
     */
    public static void register(ServletContext context, BetterAuthConfig config) {
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, new RawContentTypeFilter());
        if (registration != null) {
            registration.setAsyncSupported(true);
            registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD), false,
                    new BasePath(config.basePath()).urlPattern());
        }
    }

    /**
     * The request's {@code Content-Type} as the client sent it, repeated lines joined with {@code ", "} as fetch's
     * {@code Headers.get} joins them; null when there is none.
     */
    public static String contentType(HttpServletRequest request) {
        if (request.getAttribute(RAW_CONTENT_TYPE) instanceof String raw) {
            return raw;
        }
        List<String> values = Collections.list(request.getHeaders(CONTENT_TYPE));
        return values.isEmpty() ? null : String.join(", ", values);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletRequest passed = request;
        if (request.getHeader(CONTENT_TYPE) != null || request.getHeader(ACCEPT) != null) {
            String raw = contentType(request);
            if (raw != null) {
                request.setAttribute(RAW_CONTENT_TYPE, raw);
            }
            passed = new WithoutContentType(request);
        }
        HttpServletRequest previous = EndpointRequest.enter(passed);
        try {
            chain.doFilter(passed, res);
        } finally {
            EndpointRequest.restore(previous);
        }
    }

    /** The request without its {@code Content-Type} and {@code Accept} headers. */
    private static final class WithoutContentType extends HttpServletRequestWrapper {

        WithoutContentType(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        private static boolean hidden(String name) {
            return CONTENT_TYPE.equalsIgnoreCase(name) || ACCEPT.equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden(name)).toList());
        }
    }
}
