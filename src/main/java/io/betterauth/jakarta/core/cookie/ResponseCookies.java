package io.betterauth.jakarta.core.cookie;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * How every answer of the library carries cookies, whatever writes it (a JAX-RS response, a servlet response, the
 * server-side API's {@code writeCookies}): each {@code Set-Cookie} line its own header, in the order given, and
 * {@code Cache-Control: no-store} on any answer that sets or clears a cookie, so no cache keeps or replays a session
 * cookie (T-11; Better Auth sends it on get-session only, and an extra header changes nothing for clients). An answer
 * private to the caller that sets no cookie (the sessions page, a 503 for a protected page) is {@link #noStore} too.
 */
public final class ResponseCookies {

    public static final String SET_COOKIE = "Set-Cookie";
    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String NO_STORE = "no-store";

    /** Where the headers go: {@code add} appends a header line, {@code set} replaces every line of that name. */
    public interface Headers {

        void add(String name, String value);

        void set(String name, String value);

        static Headers of(BiConsumer<String, String> add, BiConsumer<String, String> set) {
            return new Headers() {
                @Override
                public void add(String name, String value) {
                    add.accept(name, value);
                }

                @Override
                public void set(String name, String value) {
                    set.accept(name, value);
                }
            };
        }
    }

    private ResponseCookies() {
    }

    /** The {@code Set-Cookie} lines in order and, when there is at least one, {@code Cache-Control: no-store}. */
    public static void write(List<String> setCookies, Headers out) {
        for (String line : setCookies) {
            out.add(SET_COOKIE, line);
        }
        if (!setCookies.isEmpty()) {
            noStore(out);
        }
    }

    /** {@code Cache-Control: no-store}, replacing any other cache directive of the answer. */
    public static void noStore(Headers out) {
        out.set(CACHE_CONTROL, NO_STORE);
    }
}
