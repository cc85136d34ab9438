package io.betterauth.jakarta.web;

import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import jakarta.servlet.http.HttpServletRequest;

/** A servlet request as the endpoint rules see their {@link Caller}. */
public final class RequestCaller {

    private RequestCaller() {
    }

    /** A request to one of the endpoints: its cookies, client and the facts of the origin check. */
    public static Caller overHttp(HttpServletRequest request, BetterAuthRuntime.Services services) {
        return Caller.overHttp(SessionResolver.cookies(request, services.plugins()),
                () -> ClientAddress.of(request, services.config()), () -> originRequest(request));
    }

    /** The app's own code calling the API while it serves this request: its cookies and client, no origin check. */
    public static Caller serverSide(HttpServletRequest request, BetterAuthRuntime.Services services) {
        return Caller.serverSide(SessionResolver.cookies(request, services.plugins()),
                () -> ClientAddress.of(request, services.config()));
    }

    /**
     * The request's method, whether it has cookies, its headers and the origin it was sent to: the request as sent, so
     * a bearer token never counts as a cookie (Better Auth's origin check reads the real request's headers).
     */
    private static OriginCheck.Request originRequest(HttpServletRequest request) {
        int port = request.getServerPort();
        String scheme = request.getScheme();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String requestOrigin = scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return new OriginCheck.Request(request.getMethod(), request.getHeader("Cookie") != null,
                request::getHeader, requestOrigin);
    }
}
