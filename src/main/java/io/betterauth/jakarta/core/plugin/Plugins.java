package io.betterauth.jakarta.core.plugin;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.config.plugin.PluginOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.plugin.bearer.BearerPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The plugins switched on ({@code better-auth.plugins}), in {@link Plugin}'s order: their before-hooks give the
 * cookies every reader of the request sees (endpoints, mechanism, server-side API: one place), and their after-hooks
 * every answer (endpoints, and the cookies the mechanism writes).
 */
public final class Plugins {

    /** The CORS header that lets a browser's script read the plugins' headers. */
    public static final String EXPOSE_HEADERS = ExposedHeader.EXPOSE_HEADERS;

    private final List<RequestHook> before;
    private final List<ResponseHook> after;

    private Plugins(List<RequestHook> before, List<ResponseHook> after) {
        this.before = List.copyOf(before);
        this.after = List.copyOf(after);
    }

    /** No plugin. */
    public static Plugins none() {
        return new Plugins(List.of(), List.of());
    }

    /** The configuration's plugins over the session cookies they read and write. */
    public static Plugins of(BetterAuthConfig config, SessionCookies cookies) {
        PluginOptions options = config.plugins();
        List<RequestHook> before = new ArrayList<>();
        List<ResponseHook> after = new ArrayList<>();
        if (options.on(Plugin.BEARER)) {
            BearerPlugin bearer = new BearerPlugin(options.bearer(), cookies);
            before.add(bearer);
            after.add(bearer);
        }
        return new Plugins(before, after);
    }

    /**
     * The cookies of a request as every reader sees them: those sent, then each before-hook.
     *
     * @param sent   the request's {@code Cookie} headers, parsed
     * @param header the request's headers by name (case-insensitive; null when absent)
     */
    public RequestCookies cookies(RequestCookies sent, Function<String, String> header) {
        RequestCookies cookies = sent;
        for (RequestHook hook : before) {
            cookies = hook.cookies(cookies, header);
        }
        return cookies;
    }

    /** An answer after every after-hook, in order. */
    public AuthResult respond(Exchange exchange, AuthResult result) {
        AuthResult answer = result;
        for (ResponseHook hook : after) {
            answer = hook.after(exchange, answer);
        }
        return answer;
    }
}
