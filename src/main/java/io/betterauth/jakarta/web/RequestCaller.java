package io.betterauth.jakarta.web;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.security.OriginCheck;
import jakarta.servlet.http.HttpServletRequest;

/** A servlet request as the endpoint rules see their {@link Caller}. */
public final class RequestCaller {

    private RequestCaller() {
    }

    /** A request to one of the endpoints: its cookies, client and the facts of the origin check. */
    public static Caller overHttp(HttpServletRequest request, BetterAuthConfig config) {
        return Caller.overHttp(SessionResolver.cookies(request), () -> ClientAddress.of(request, config),
                () -> originRequest(request));
    }

    /** The app's own code calling the API while it serves this request: its cookies and client, no origin check. */
    public static Caller serverSide(HttpServletRequest request, BetterAuthConfig config) {
        return Caller.serverSide(SessionResolver.cookies(request), () -> ClientAddress.of(request, config));
    }

    /** The request's method, whether it has cookies, its headers and the origin it was sent to. */
    private static OriginCheck.Request originRequest(HttpServletRequest request) {
        int port = request.getServerPort();
        String scheme = request.getScheme();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String requestOrigin = scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return new OriginCheck.Request(request.getMethod(), request.getHeader("Cookie") != null,
                request::getHeader, requestOrigin);
    }
}
