package io.betterauth.jakarta.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Better Auth's CSRF defence for state-changing requests (spec §7.3): a request that carries any cookie must
 * come from a trusted origin ({@code Origin}, else {@code Referer}); sign-in and sign-up also apply the
 * Fetch-Metadata rules, so a cross-site navigation cannot log someone in. Trusted are the base URL's origin (or
 * the request's own when no base URL is configured) and {@code trusted-origins}, with {@code *} wildcards.
 * Callback URLs must be trusted or a safe relative path.
 */
public final class OriginCheck {

    private static final Pattern SAFE_RELATIVE =
            Pattern.compile("^/(?!/|\\\\|%2f|%5c)[\\w\\-.+/@]*(?:\\?[\\w\\-.+/=&%@]*)?$", Pattern.CASE_INSENSITIVE);

    private final BetterAuthConfig config;

    public OriginCheck(BetterAuthConfig config) {
        this.config = config;
    }

    /**
     * The request facts the check needs.
     *
     * @param method        HTTP method
     * @param hasCookies    whether the request carried a {@code Cookie} header at all
     * @param header        request header lookup (case-insensitive)
     * @param requestOrigin the origin the request was sent to, e.g. {@code http://localhost:8080}
     */
    public record Request(String method, boolean hasCookies, Function<String, String> header, String requestOrigin) {
    }

    /** The global check every endpoint runs (skipped for GET, HEAD, OPTIONS and when switched off). */
    public void check(Request request) {
        if (!applies(request)) {
            return;
        }
        if (request.hasCookies()) {
            validateOrigin(request);
        }
    }

    /** sign-in and sign-up: the global check plus Better Auth's {@code formCsrfMiddleware}. */
    public void checkSignIn(Request request) {
        if (!applies(request)) {
            return;
        }
        if (request.hasCookies()) {
            validateOrigin(request);
            return;
        }
        String site = request.header().apply("sec-fetch-site");
        String mode = request.header().apply("sec-fetch-mode");
        String dest = request.header().apply("sec-fetch-dest");
        if (site != null || mode != null || dest != null) {
            if ("cross-site".equals(site) && "navigate".equals(mode)) {
                throw new AuthException(ErrorCode.CROSS_SITE_NAVIGATION_LOGIN_BLOCKED);
            }
            validateOrigin(request);
        } else if (request.header().apply("origin") != null || request.header().apply("referer") != null) {
            validateOrigin(request);
        }
    }

    /** A {@code callbackURL} must be a trusted origin or a safe relative path; 403 {@code INVALID_CALLBACK_URL}. */
    public void checkCallbackUrl(String callbackUrl, Request request) {
        if (callbackUrl == null || config.disableCsrfCheck()) {
            return;
        }
        if (SAFE_RELATIVE.matcher(callbackUrl).matches() || isTrusted(callbackUrl, request)) {
            return;
        }
        throw new AuthException(ErrorCode.INVALID_CALLBACK_URL);
    }

    private boolean applies(Request request) {
        String m = request.method().toUpperCase(Locale.ROOT);
        return !config.disableCsrfCheck() && !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
    }

    private void validateOrigin(Request request) {
        String origin = request.header().apply("origin");
        if ("null".equals(origin) && "same-origin".equals(request.header().apply("sec-fetch-site"))) {
            origin = request.requestOrigin();
        }
        if (origin == null || origin.isEmpty()) {
            origin = request.header().apply("referer");
        }
        if (origin == null || origin.isEmpty() || "null".equals(origin)) {
            throw new AuthException(ErrorCode.MISSING_OR_NULL_ORIGIN);
        }
        if (!isTrusted(origin, request)) {
            throw new AuthException(ErrorCode.INVALID_ORIGIN);
        }
    }

    /** Whether a URL's origin matches the base URL, the request's own origin (no base URL), or a trusted pattern. */
    public boolean isTrusted(String url, Request request) {
        Optional<String> origin = originOf(url);
        for (String pattern : trustedPatterns(request)) {
            if (matches(pattern, url, origin)) {
                return true;
            }
        }
        return false;
    }

    private List<String> trustedPatterns(Request request) {
        List<String> patterns = new ArrayList<>(config.trustedOrigins().size() + 1);
        String base = config.baseUrl() != null ? config.baseUrl() : request.requestOrigin();
        originOf(base).ifPresent(patterns::add);
        patterns.addAll(config.trustedOrigins());
        return patterns;
    }

    static boolean matches(String pattern, String url, Optional<String> origin) {
        if (pattern.contains("*") || pattern.contains("?")) {
            if (pattern.contains("://")) {
                return origin.isPresent() && wildcard(pattern).matcher(origin.get()).matches();
            }
            return origin.map(o -> URI.create(o).getHost()).filter(h -> wildcard(pattern).matcher(h).matches())
                    .isPresent();
        }
        String scheme = schemeOf(pattern);
        if (scheme.equals("http") || scheme.equals("https")) {
            return origin.isPresent() && origin.get().equals(originOf(pattern).orElse(pattern));
        }
        // Custom schemes (mobile apps): a prefix match on scheme, authority and path.
        return !scheme.isEmpty() && url.startsWith(pattern);
    }

    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder("^");
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.append('$').toString(), Pattern.CASE_INSENSITIVE);
    }

    private static String schemeOf(String url) {
        int i = url.indexOf(':');
        return i <= 0 ? "" : url.substring(0, i).toLowerCase(Locale.ROOT);
    }

    /** {@code new URL(url).origin} for http(s) URLs. */
    static Optional<String> originOf(String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            String s = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
            return Optional.of(s + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
