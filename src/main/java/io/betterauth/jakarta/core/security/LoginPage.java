package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigurationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code better-auth.login-page}: where a browser that navigates to a protected page without a session is sent,
 * with the page it asked for in a {@code callbackURL} query parameter. The page is a path within the application
 * ({@code /login}) or an absolute URL on the base URL's or a trusted origin, checked once at start-up. The
 * {@code callbackURL} is always relative (path and query) and passes Better Auth's own {@code callbackURL} rule, so
 * the login page can hand it back to sign-in; anything else falls back to the application's root.
 */
public final class LoginPage {

    /** Longer return addresses are dropped (the app's root instead): the redirect stays small. */
    static final int MAX_CALLBACK_LENGTH = 2048;
    private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u0020\\u007f-\\u009f]");

    private final String page;
    private final boolean absolute;
    private final OriginCheck origins;

    private LoginPage(String page, boolean absolute, OriginCheck origins) {
        this.page = page;
        this.absolute = absolute;
        this.origins = origins;
    }

    /** The configured login page, or empty when none is set (then protected resources answer 401 as before). */
    public static Optional<LoginPage> of(BetterAuthConfig config) {
        String page = config.loginPage();
        if (page == null || page.isBlank()) {
            return Optional.empty();
        }
        OriginCheck origins = new OriginCheck(config);
        if (!CONTROL.matcher(page).find()) {
            if (page.startsWith("/") && origins.isSafeRelativePath(page)) {
                return Optional.of(new LoginPage(page, false, origins));
            }
            if (OriginCheck.originOf(page).isPresent() && !page.contains("#") && origins.isTrustedWithoutRequest(page)) {
                return Optional.of(new LoginPage(page, true, origins));
            }
        }
        throw new ConfigurationException("better-auth.login-page must be a path within the application such as "
                + "/login, or an absolute http(s) URL on the origin of better-auth.url or of better-auth.trusted-origins, "
                + "not '" + page + "'");
    }

    /**
     * The redirect for a request that needs a session it does not have: present only for a
     * {@link BrowserNavigation} that is not for the login page itself.
     *
     * @param method      the request's method
     * @param header      request header lookup (case-insensitive), null when absent
     * @param contextPath the application's context path, {@code ""} at the root
     * @param requestUri  the request's path as sent, context path included
     * @param query       the raw query string, or null
     */
    public Optional<String> redirect(String method, Function<String, String> header, String contextPath,
                                     String requestUri, String query) {
        if (!BrowserNavigation.matches(method, header)) {
            return Optional.empty();
        }
        return location(contextPath, requestUri, query);
    }

    /** The login page with {@code callbackURL}; empty for the login page itself (no redirect loop). */
    public Optional<String> location(String contextPath, String requestUri, String query) {
        String context = contextPath == null ? "" : contextPath;
        String target = absolute ? page : context + page;
        if (!absolute && target.split("\\?", 2)[0].equals(requestUri)) {
            return Optional.empty();
        }
        return Optional.of(target + (target.contains("?") ? "&" : "?") + "callbackURL="
                + URLEncoder.encode(callbackUrl(context, requestUri, query), StandardCharsets.UTF_8));
    }

    /** The request's path and query when Better Auth's callbackURL rule admits them, else the application's root. */
    private String callbackUrl(String context, String requestUri, String query) {
        String callback = (requestUri == null ? "" : requestUri) + (query == null || query.isEmpty() ? "" : "?" + query);
        if (callback.length() <= MAX_CALLBACK_LENGTH && origins.isSafeRelativePath(callback)) {
            return callback;
        }
        return context + "/";
    }
}
