package io.betterauth.jakarta.core.plugin;

import io.betterauth.jakarta.core.cookie.RequestCookies;
import java.util.function.Supplier;

/**
 * The request an after-hook answers, as far as the session plugins read it: the endpoint's path below the base path
 * ({@code /sign-out}: Better Auth's {@code ctx.path}) and the request's cookies as the endpoint read them (after the
 * before-hooks), read only by a hook that asks; or an ordinary request of the application (the mechanism's refresh,
 * the server-side API's cookies), with no path and no cookies: there only what the answer's own cookies imply
 * applies ({@code set-auth-token}).
 */
public final class Exchange {

    private final String path;
    private final Supplier<RequestCookies> source;
    private RequestCookies cookies;

    private Exchange(String path, Supplier<RequestCookies> source) {
        this.path = path;
        this.source = source;
    }

    /** An answer of the endpoint at {@code path}. */
    public static Exchange endpoint(String path, Supplier<RequestCookies> cookies) {
        return new Exchange(path, cookies);
    }

    /** An ordinary request of the application, not one of the endpoints. */
    public static Exchange application() {
        return new Exchange(null, RequestCookies::empty);
    }

    /** The endpoint's path below the base path; null for an ordinary request. */
    public String path() {
        return path;
    }

    public boolean isEndpoint() {
        return path != null;
    }

    /** The request's cookies, read once on first use (one request, one thread). */
    public RequestCookies cookies() {
        if (cookies == null) {
            cookies = source.get();
        }
        return cookies;
    }
}
