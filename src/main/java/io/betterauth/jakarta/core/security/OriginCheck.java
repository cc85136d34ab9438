package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.js.UriComponent;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Better Auth's CSRF defence for state-changing requests (spec §7.3): a request that carries any cookie must
 * come from a trusted origin ({@code Origin}, else {@code Referer}); sign-in and sign-up also apply the
 * Fetch-Metadata rules, so a cross-site navigation cannot log someone in. Trusted are the base URL's origin (or
 * the request's own when no base URL is configured) and {@code trusted-origins}, with Better Auth's wildcards,
 * compiled once and matched in linear time.
 * Callback URLs must be trusted or a safe relative path.
 */
public final class OriginCheck {

    private static final Pattern SAFE_RELATIVE =
            Pattern.compile("^/(?!/|\\\\|%2f|%5c)[\\w\\-.+/@]*(?:\\?[\\w\\-.+/=&%@]*)?$", Pattern.CASE_INSENSITIVE);

    private final BetterAuthConfig config;
    /** The configured base URL's origin (without a base URL, the request's own origin is trusted instead). */
    private final Optional<String> baseOrigin;
    private final List<TrustedOrigin> trusted;

    public OriginCheck(BetterAuthConfig config) {
        this.config = config;
        this.baseOrigin = config.baseUrl() != null ? originOf(config.baseUrl()) : Optional.empty();
        this.trusted = config.trustedOrigins().stream().map(TrustedOrigin::new).toList();
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
        if (callbackUrl == null || config.advanced().disableCsrfCheck()) {
            return;
        }
        if (SAFE_RELATIVE.matcher(callbackUrl).matches() || isTrusted(callbackUrl, request)) {
            return;
        }
        throw new AuthException(ErrorCode.INVALID_CALLBACK_URL);
    }

    /** Whether a URL is the safe relative path {@link #checkCallbackUrl} admits: {@code /...}, never {@code //}. */
    public boolean isSafeRelativePath(String url) {
        return SAFE_RELATIVE.matcher(url).matches();
    }

    /** Whether an absolute URL is on the base URL's origin or a trusted one, without a request (start-up checks). */
    public boolean isTrustedWithoutRequest(String url) {
        return isTrusted(url, new Request("GET", false, name -> null, ""));
    }

    private boolean applies(Request request) {
        String m = request.method().toUpperCase(Locale.ROOT);
        return !config.advanced().disableCsrfCheck() && !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
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
        if (url.startsWith("/")) {
            return false; // relative: only checkCallbackUrl's safe-path rule admits it
        }
        Optional<String> origin = originOf(url);
        Optional<String> base = config.baseUrl() != null ? baseOrigin : originOf(request.requestOrigin());
        if (origin.isPresent() && origin.equals(base)) {
            return true;
        }
        for (TrustedOrigin t : trusted) {
            if (t.matches(url, origin)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One entry of {@code trusted-origins}, compiled once, compared with a URL as Better Auth 1.7.25's
     * {@code matchesOriginPattern} does (spec §7.3), dispatching on the URL's scheme:
     * <ul>
     * <li>a pattern with {@code *} or {@code ?} and no {@code ://} matches the URL's host (with a non-default port);
     * <li>an http(s) URL: its origin equals the pattern's, or matches the wildcard pattern;
     * <li>another scheme (a mobile app's {@code myapp://}): the same scheme, then the pattern's authority exactly (or
     *     as a wildcard), and its path, if any, as a prefix at a {@code /} boundary (or as a wildcard);
     * <li>a wildcard host made only of digits, dots and wildcards ({@code 192.168.*.*}) admits an IPv4 address only.
     * </ul>
     * Wildcards are {@link WildcardPattern}s, matched in linear time whatever the URL. Hosts compare without case
     * (Better Auth's wildcard never matches a pattern written with capitals); custom-scheme paths with case.
     */
    private static final class TrustedOrigin {
        private static final Pattern IP_WILDCARD_HOST = Pattern.compile("^(?=.*\\d)[\\d*?.]+$");
        private static final Pattern IPV4 = Pattern.compile("^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])"
                + "\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$");

        private final boolean wildcard;
        private final boolean hostOnly;
        /** Non-wildcard: the pattern's origin ({@code new URL(pattern).origin} for http(s)). */
        private final String exactOrigin;
        /** Wildcard: the whole pattern, lower-cased, for a host or an http(s) origin. */
        private final WildcardPattern whole;
        private final boolean ipRange;
        private final CustomSchemeUrl custom;
        private final WildcardPattern customAuthority;
        private final WildcardPattern customPath;

        TrustedOrigin(String pattern) {
            wildcard = pattern.contains("*") || pattern.contains("?");
            hostOnly = wildcard && !pattern.contains("://");
            exactOrigin = originOf(pattern).orElse(pattern);
            whole = wildcard ? WildcardPattern.compile(pattern.toLowerCase(Locale.ROOT)) : null;
            ipRange = wildcard && isIpRange(hostOnly ? pattern : pattern.substring(pattern.indexOf("://") + 3));
            custom = CustomSchemeUrl.parse(pattern, wildcard).orElse(null);
            customAuthority = wildcard && custom != null && !custom.authority().isEmpty()
                    ? WildcardPattern.compile(custom.authority()) : null;
            customPath = wildcard && custom != null && !custom.path().isEmpty()
                    ? WildcardPattern.compile(custom.path()) : null;
        }

        boolean matches(String url, Optional<String> origin) {
            String scheme = schemeOf(url);
            boolean web = scheme.equals("http") || scheme.equals("https");
            if (hostOnly) {
                Optional<String> host = web ? origin.map(o -> o.substring(o.indexOf("://") + 3))
                        : scheme.isEmpty() ? Optional.empty() : CustomSchemeUrl.parse(url, false)
                        .map(u -> u.authority().substring(u.authority().lastIndexOf('@') + 1));
                return host.filter(h -> !h.isEmpty() && whole.matches(h) && allowedIpHost(h)).isPresent();
            }
            if (web || scheme.isEmpty()) {
                if (!wildcard) {
                    return origin.isPresent() && origin.get().equals(exactOrigin);
                }
                return origin.filter(o -> whole.matches(o) && allowedIpHost(o.substring(o.indexOf("://") + 3)))
                        .isPresent();
            }
            Optional<CustomSchemeUrl> parsed = CustomSchemeUrl.parse(url, false);
            if (parsed.isEmpty() || custom == null || !parsed.get().scheme().equals(custom.scheme())) {
                return false;
            }
            String authority = parsed.get().authority();
            String path = parsed.get().path();
            if (wildcard) {
                if (authority.contains("@")) {
                    return false;
                }
                if (customAuthority != null && !(customAuthority.matches(authority) && allowedIpHost(authority))) {
                    return false;
                }
                return customPath == null || customPath.matches(path.isEmpty() ? "/" : path);
            }
            if (!custom.authority().isEmpty() && !authority.equals(custom.authority())) {
                return false;
            }
            return custom.path().isEmpty() || path.equals(custom.path()) || path.startsWith(custom.path() + "/");
        }

        /** Better Auth's {@code isAllowedIPv4Host}: an IP-range pattern admits only an IPv4 host. */
        private boolean allowedIpHost(String authority) {
            if (!ipRange) {
                return true;
            }
            int colon = authority.indexOf(':');
            return IPV4.matcher(colon < 0 ? authority : authority.substring(0, colon)).matches();
        }

        private static boolean isIpRange(String patternAuthority) {
            int colon = patternAuthority.indexOf(':');
            return IP_WILDCARD_HOST.matcher(colon < 0 ? patternAuthority : patternAuthority.substring(0, colon))
                    .matches();
        }
    }

    /**
     * Better Auth's {@code parseCustomSchemeOrigin}: scheme and authority lower-cased, the path percent-decoded and
     * resolved so that {@code ..} cannot climb out of a pinned path. In a wildcard pattern {@code ?} is a wildcard,
     * not the start of a query.
     */
    private record CustomSchemeUrl(String scheme, String authority, String path) {
        private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u001f\\u007f-\\u009f]");

        static Optional<CustomSchemeUrl> parse(String value, boolean wildcardPattern) {
            int schemeEnd = value.indexOf(':');
            if (schemeEnd <= 0 || CONTROL.matcher(value).find()) {
                return Optional.empty();
            }
            String rest = value.substring(schemeEnd + 1);
            String authority = "";
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
                int end = indexOfAny(rest, wildcardPattern ? "/#" : "/?#");
                authority = end < 0 ? rest : rest.substring(0, end);
                rest = end < 0 ? "" : rest.substring(end);
            }
            int pathEnd = indexOfAny(rest, wildcardPattern ? "#" : "?#");
            return Optional.of(new CustomSchemeUrl(value.substring(0, schemeEnd).toLowerCase(Locale.ROOT),
                    authority.toLowerCase(Locale.ROOT), normalizedPath(pathEnd < 0 ? rest : rest.substring(0, pathEnd))));
        }

        private static int indexOfAny(String s, String chars) {
            for (int i = 0; i < s.length(); i++) {
                if (chars.indexOf(s.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }

        private static String normalizedPath(String path) {
            Deque<String> segments = new ArrayDeque<>();
            for (String segment : UriComponent.decode(path).orElse(path).split("/", -1)) {
                if (segment.equals("..")) {
                    segments.pollLast();
                } else if (!segment.equals(".") && !segment.isEmpty()) {
                    segments.addLast(segment);
                }
            }
            return segments.isEmpty() ? "" : "/" + String.join("/", segments);
        }
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
