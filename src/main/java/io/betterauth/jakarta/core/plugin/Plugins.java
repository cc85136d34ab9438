package io.betterauth.jakarta.core.plugin;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.plugin.PluginOptions;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.plugin.bearer.BearerPlugin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The plugins switched on ({@code better-auth.plugins}), in {@link Plugin}'s order: their before-hooks
 * give the cookies every reader of the request sees (endpoints, mechanism, server-side API: one place), and their
 * after-hooks the headers of every response that sets cookies (endpoints and the mechanism's refresh alike).
 */
public final class Plugins {

    /** The CORS header that lets a browser's script read the plugins' headers. */
    public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";

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

    /**
     * The headers the after-hooks add to a response with these {@code Set-Cookie} lines, with
     * {@code Access-Control-Expose-Headers} as Better Auth's hooks merge it: the names already exposed (split on
     * {@code ,}, trimmed, each once), then each added header's name, joined with {@code ", "}. Empty when no hook
     * adds anything (the exposed list is then left alone).
     *
     * @param exposed the response's {@code Access-Control-Expose-Headers} so far, or null
     */
    public Map<String, String> responseHeaders(List<String> setCookies, String exposed) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (ResponseHook hook : after) {
            headers.putAll(hook.headers(setCookies));
        }
        if (headers.isEmpty()) {
            return Map.of();
        }
        Set<String> names = new LinkedHashSet<>();
        if (exposed != null) {
            Arrays.stream(exposed.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        }
        names.addAll(headers.keySet());
        headers.put(EXPOSE_HEADERS, String.join(", ", names));
        return headers;
    }

    /** An endpoint's answer with the after-hooks' headers. */
    public AuthResult respond(AuthResult result) {
        Map<String, String> headers = responseHeaders(result.setCookies(), result.headers().get(EXPOSE_HEADERS));
        return headers.isEmpty() ? result : result.withHeaders(headers);
    }
}
