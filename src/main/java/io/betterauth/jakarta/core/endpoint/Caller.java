package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.core.session.ClientInfo;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who calls an endpoint, as the endpoint rules need it: the request's cookies, the client's address and user agent
 * (read only by the endpoints that store them), and, for a request over HTTP, the facts of Better Auth's origin
 * check. A server-side call (the injectable {@code BetterAuthApi}, Better Auth's {@code auth.api.*} without a
 * request) has no origin: Better Auth's {@code originCheck} middleware, callback URLs included, skips such calls.
 */
public final class Caller {

    private final RequestCookies cookies;
    private final Supplier<ClientInfo> client;
    private final Supplier<OriginCheck.Request> origin;

    private Caller(RequestCookies cookies, Supplier<ClientInfo> client, Supplier<OriginCheck.Request> origin) {
        this.cookies = cookies;
        this.client = client;
        this.origin = origin;
    }

    /** A request to one of the endpoints; its origin facts are read only by an endpoint that checks them. */
    public static Caller overHttp(RequestCookies cookies, Supplier<ClientInfo> client,
                                  Supplier<OriginCheck.Request> origin) {
        return new Caller(cookies, client, origin);
    }

    /** The app's own code calling the endpoint rules while it serves a request: no origin check applies. */
    public static Caller serverSide(RequestCookies cookies, Supplier<ClientInfo> client) {
        return new Caller(cookies, client, null);
    }

    public RequestCookies cookies() {
        return cookies;
    }

    public ClientInfo client() {
        return client.get();
    }

    /** The origin check's request facts; empty for a server-side call. */
    public Optional<OriginCheck.Request> origin() {
        return origin == null ? Optional.empty() : Optional.of(origin.get());
    }

    /** Better Auth's {@code originCheck} for a state-changing endpoint; nothing for a server-side call. */
    public void checkOrigin(OriginCheck check) {
        if (origin != null) {
            check.check(origin.get());
        }
    }
}
