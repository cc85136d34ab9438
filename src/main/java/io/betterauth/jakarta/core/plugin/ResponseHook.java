package io.betterauth.jakarta.core.plugin;

import java.util.List;
import java.util.Map;

/**
 * A plugin's after-hook, as far as it adds response headers that a browser's script must be able to read
 * ({@code set-auth-token}): {@link Plugins} sets them and lists their names in {@code Access-Control-Expose-Headers},
 * as each Better Auth hook does.
 */
public interface ResponseHook {

    /**
     * The headers to add, by name, in order; empty for none.
     *
     * @param setCookies the response's {@code Set-Cookie} lines, in order
     */
    Map<String, String> headers(List<String> setCookies);
}
