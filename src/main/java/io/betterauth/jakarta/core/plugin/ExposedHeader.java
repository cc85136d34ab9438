package io.betterauth.jakarta.core.plugin;

import io.betterauth.jakarta.core.endpoint.AuthResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A response header that a browser's script must be able to read ({@code set-auth-token}, {@code set-auth-jwt}),
 * set as Better Auth's after-hooks set it: the header, and its name added to {@code Access-Control-Expose-Headers}
 * (the names already there split on {@code ,}, trimmed, each once, then this one, joined with {@code ", "}).
 */
public final class ExposedHeader {

    /** The CORS header that lets a browser's script read the plugins' headers. */
    public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";

    private ExposedHeader() {
    }

    /** The answer with the header set and exposed. */
    public static AuthResult add(AuthResult result, String name, String value) {
        Set<String> names = new LinkedHashSet<>();
        String exposed = result.headers().get(EXPOSE_HEADERS);
        if (exposed != null) {
            Arrays.stream(exposed.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        }
        names.add(name);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(name, value);
        headers.put(EXPOSE_HEADERS, String.join(", ", names));
        return result.withHeaders(headers);
    }
}
