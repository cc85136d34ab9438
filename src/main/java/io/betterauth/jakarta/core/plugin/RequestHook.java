package io.betterauth.jakarta.core.plugin;

import io.betterauth.jakarta.core.cookie.RequestCookies;
import java.util.function.Function;

/**
 * A plugin's before-hook, as far as it changes what the request carries: Better Auth's hooks return
 * {@code {context:{headers}}}, and the one of the session plugins that does ({@code bearer}) rewrites the
 * {@code Cookie} header. The origin check keeps reading the request as it was sent.
 */
public interface RequestHook {

    /**
     * The cookies the rest of the request reads.
     *
     * @param cookies the cookies so far (as sent, or as an earlier hook left them)
     * @param header  the request's headers as sent, by name (case-insensitive; null when absent)
     */
    RequestCookies cookies(RequestCookies cookies, Function<String, String> header);
}
