package io.betterauth.jakarta.core.cookie;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Splits a cookie value that would make a {@code Set-Cookie} line longer than 4050 characters into
 * {@code name.0}, {@code name.1}, … and joins them back, as Better Auth's session store does
 * ({@code src/cookies/session-store.ts}, spec §3.9). Used for {@code session_data} and {@code account_data}.
 *
 * <p>A chunk name is the cookie name, a dot and a canonical non-negative integer ({@code String(Number(s)) === s}
 * in 1.7.25), so {@code name.01}, {@code name.-1} or {@code name.x} are never treated as chunks.
 */
public final class CookieChunks {

    /** Longest {@code Set-Cookie} line written (Safari's ~4093 floor, less a margin), in characters. */
    public static final int MAX_COOKIE_SIZE = 4050;
    /** More chunks than this and the value is not stored at all. */
    public static final int MAX_CHUNKS = 100;

    private static final Logger LOG = System.getLogger(CookieChunks.class.getName());
    private static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private CookieChunks() {
    }

    /**
     * The result of {@link #write}.
     *
     * @param setCookies the {@code Set-Cookie} lines, in Better Auth's order
     * @param chunks     how many cookies carry the value: 1 for a plain cookie, 2..100 for chunks, 0 when the
     *                   value was too large and was not stored (the lines then only expire what the request had)
     */
    public record Written(List<String> setCookies, int chunks) {
        public Written {
            setCookies = List.copyOf(setCookies);
        }

        public boolean stored() {
            return chunks > 0;
        }
    }

    /**
     * The lines that store {@code value} as cookie {@code name} (Better Auth's {@code store.chunk()}): every cookie
     * the request carries under {@code name} or a chunk of it is expired ({@code Max-Age=0}, same attributes) unless
     * it is written again, and the value goes into one cookie when its line fits in {@link #MAX_COOKIE_SIZE}, else
     * into chunks of {@code 4050 - length(serialize(name + ".99", "", attributes))} characters. A line for a name
     * the request already had takes that name's position, as in Better Auth's object-keyed list; new names follow in
     * index order. Over {@link #MAX_CHUNKS} chunks nothing is stored and a warning is logged; authentication keeps
     * working through the database.
     */
    public static Written write(String name, String value, CookieAttributes attributes, RequestCookies request) {
        Map<String, String> lines = expirations(name, attributes, request);
        int chunkSize = MAX_COOKIE_SIZE - SetCookie.serialize(name + ".99", "", attributes).length();
        long count = chunkSize > 0 ? (value.length() + (long) chunkSize - 1) / chunkSize : Long.MAX_VALUE;
        if (count <= 1) {
            lines.put(name, SetCookie.serialize(name, value, attributes));
            return new Written(new ArrayList<>(lines.values()), 1);
        }
        if (count > MAX_CHUNKS) {
            LOG.log(Level.WARNING, "Cookie " + name + " is too large to store even after chunking ("
                    + value.length() + " characters), so it was skipped. Reduce the cached data size or avoid "
                    + "storing this data in cookies.");
            return new Written(new ArrayList<>(lines.values()), 0);
        }
        for (int i = 0; i < count; i++) {
            String chunkName = name + "." + i;
            int start = i * chunkSize;
            lines.put(chunkName, SetCookie.serialize(chunkName,
                    value.substring(start, Math.min(value.length(), start + chunkSize)), attributes));
        }
        return new Written(new ArrayList<>(lines.values()), (int) count);
    }

    /** The lines that expire {@code name} and every chunk of it the request carries ({@code store.clean()}). */
    public static List<String> expireAll(String name, CookieAttributes attributes, RequestCookies request) {
        return new ArrayList<>(expirations(name, attributes, request).values());
    }

    /**
     * The stored value ({@code getChunkedCookie}): the plain cookie when it is present and non-empty, else the
     * chunks joined in ascending index order, else empty. Gaps are not detected, as in Better Auth; a value missing
     * a chunk simply fails to decode.
     */
    public static Optional<String> read(String name, RequestCookies request) {
        Optional<String> plain = request.get(name).filter(v -> !v.isEmpty());
        if (plain.isPresent()) {
            return plain;
        }
        TreeMap<Long, String> chunks = new TreeMap<>();
        for (String cookie : request.names()) {
            long index = chunkIndex(name, cookie);
            if (index >= 0) {
                chunks.put(index, request.get(cookie).orElse(""));
            }
        }
        return chunks.isEmpty() ? Optional.empty() : Optional.of(String.join("", chunks.values()));
    }

    /**
     * The chunk index of {@code cookie} as a chunk of {@code name}, or -1 when it is not one: the suffix must be a
     * safe integer written as {@code String(Number(suffix))} would write it.
     */
    public static long chunkIndex(String name, String cookie) {
        if (!cookie.startsWith(name + ".")) {
            return -1;
        }
        String suffix = cookie.substring(name.length() + 1);
        if (suffix.isEmpty() || suffix.length() > 16 || suffix.length() > 1 && suffix.charAt(0) == '0') {
            return -1;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (suffix.charAt(i) < '0' || suffix.charAt(i) > '9') {
                return -1;
            }
        }
        long index = Long.parseLong(suffix);
        return index <= MAX_SAFE_INTEGER ? index : -1;
    }

    /** Expiry lines keyed by cookie name, in request order, for {@code name} and its chunks. */
    private static Map<String, String> expirations(String name, CookieAttributes attributes, RequestCookies request) {
        CookieAttributes expired = attributes.withMaxAge(0L);
        Map<String, String> lines = new LinkedHashMap<>();
        for (String cookie : request.names()) {
            if (cookie.equals(name) || chunkIndex(name, cookie) >= 0) {
                lines.put(cookie, SetCookie.serialize(cookie, "", expired));
            }
        }
        return lines;
    }
}
