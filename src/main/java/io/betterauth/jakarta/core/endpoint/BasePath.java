package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.config.ConfigurationException;
import java.util.regex.Pattern;

/**
 * Where the endpoints live: {@code better-auth.base-path} ({@code /api/auth}) under the application's context path,
 * trailing slashes ignored. The one rule for "is this request for the library's endpoints": the servlet filters
 * leave such requests to the endpoints, the content-type filter is mapped to them, and the JAX-RS resources (which
 * the app's own JAX-RS application may scan too) answer and count a rate limit only when mounted here. The JAX-RS
 * servlet is mapped to {@link #urlPattern()} at start-up, so the value must be a plain path below the root.
 */
public final class BasePath {

    /** Segments of unreserved characters: nothing a servlet mapping, a URL or a path normalisation reads. */
    private static final Pattern VALID = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    private final String path;

    /**
     * @param configured the configured base path, e.g. {@code /api/auth}
     * @throws ConfigurationException unless it is {@code /}, segments of letters, digits, {@code -._~} (not
     *                                {@code .} or {@code ..}), and optional trailing slashes
     */
    public BasePath(String configured) {
        this.path = configured == null ? "" : withoutTrailingSlashes(configured);
        String segments = path + "/";
        if (!VALID.matcher(path).matches() || segments.contains("/./") || segments.contains("/../")) {
            throw new ConfigurationException("better-auth.base-path must be a path below the root such as /api/auth "
                    + "(segments of letters, digits, '-', '.', '_' and '~'), not '" + configured + "'");
        }
    }

    /** The base path without trailing slashes. */
    public String path() {
        return path;
    }

    /** The servlet URL pattern covering every endpoint: {@code /api/auth/*}. */
    public String urlPattern() {
        return path + "/*";
    }

    /**
     * Whether a path within the application (the request URI without the context path) is the base path or below
     * it: {@code /api/auth} and {@code /api/auth/get-session}, not {@code /api/authority}.
     */
    public boolean covers(String pathInContext) {
        return pathInContext.equals(path) || (pathInContext.startsWith(path) && pathInContext.length() > path.length()
                && pathInContext.charAt(path.length()) == '/');
    }

    private static String withoutTrailingSlashes(String s) {
        return s.substring(0, lengthWithoutTrailingSlashes(s));
    }

    /** Counted by hand: no pattern is compiled on every request. */
    private static int lengthWithoutTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return end;
    }
}
