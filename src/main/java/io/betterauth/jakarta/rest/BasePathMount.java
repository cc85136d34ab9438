package io.betterauth.jakarta.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;

/**
 * Whether a request reached the library's resources through their own application at the configured base path
 * ({@code /api/auth}), not through the app's own JAX-RS application, which may scan the same classes.
 */
final class BasePathMount {

    private BasePathMount() {
    }

    /** The JAX-RS base URI's path, trailing slashes ignored, equals the context path plus {@code basePath}. */
    static boolean matches(UriInfo uri, HttpServletRequest request, String basePath) {
        String base = uri.getBaseUri().getPath();
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '/') {
            end--; // trailing slashes, without compiling a pattern on every request
        }
        String expected = request.getContextPath() + basePath;
        return end == expected.length() && base.startsWith(expected);
    }
}
