package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CookieCacheCodec} that remembers the {@code session_data} cookies it verified recently, so that a browser
 * sending the same cookie on every request of the cache's lifetime has it verified (HMAC, or JWE decryption) and
 * parsed once, not on every request. The answer for a remembered value is the one its first decode gave, and only
 * while decoding it again could not answer otherwise:
 *
 * <ul>
 *   <li>only values that decoded are remembered, keyed by the whole cookie value (its signature or authentication
 *       tag included): a forged, altered or unknown value is always decoded in full, and a miss;</li>
 *   <li>a remembered value is used from the time it was decoded until its cache expiry
 *       ({@link DecodedCache#expiresAtMs()}), the only window in which every time rule of the codecs holds at once
 *       ({@code nbf}, {@code iat} only ever become true, {@code exp}/{@code expiresAt} only false); outside it, or if
 *       the clock went back, it is decoded again;</li>
 *   <li>a payload whose session or user lacks {@code createdAt}/{@code updatedAt} takes the time of decoding as the
 *       default (Better Auth's zod schema): such a value is not remembered, so the default stays the request's own
 *       time;</li>
 *   <li>at most {@code maxEntries} values, none longer than {@value #MAX_REMEMBERED_LENGTH} characters (one cookie;
 *       a chunked cache is decoded every time); each new one first drops the eldest entries that have expired, and
 *       the eldest one when full (entries are in the order they came, which is the order they expire in, as every
 *       cache has the configured max-age).</li>
 * </ul>
 *
 * The secrets that verify are fixed for the codec's life, so remembering a verified value cannot accept what the
 * codec would refuse. The request-level rules (token, version, expiry of the session) stay with the caller, who
 * applies them to every request as before. Thread-safe.
 */
public final class MemoizedCookieCacheCodec implements CookieCacheCodec {

    /** Values longer than this (a chunked cache) are not remembered: each entry stays a few KiB at most. */
    static final int MAX_REMEMBERED_LENGTH = 4096;

    private record Remembered(DecodedCache decoded, long decodedAtMs) {
    }

    private final CookieCacheCodec codec;
    private final int maxEntries;
    /** In insertion order, which is expiry order (every entry has the configured max-age): the eldest go first. */
    private final LinkedHashMap<String, Remembered> recent = new LinkedHashMap<>();

    private MemoizedCookieCacheCodec(CookieCacheCodec codec, int maxEntries) {
        this.codec = codec;
        this.maxEntries = maxEntries;
    }

    /** {@code codec} remembering up to {@code maxEntries} decoded values; {@code codec} itself when 0. */
    public static CookieCacheCodec of(CookieCacheCodec codec, int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative: " + maxEntries);
        }
        return maxEntries == 0 || codec instanceof MemoizedCookieCacheCodec ? codec
                : new MemoizedCookieCacheCodec(codec, maxEntries);
    }

    @Override
    public CookieCacheStrategy strategy() {
        return codec.strategy();
    }

    @Override
    public String encode(SessionData data, long nowMs, long lifetimeSeconds) {
        return codec.encode(data, nowMs, lifetimeSeconds);
    }

    @Override
    public String encodeJson(Map<String, ?> sessionData, long nowMs, long lifetimeSeconds) {
        return codec.encodeJson(sessionData, nowMs, lifetimeSeconds);
    }

    @Override
    public Optional<DecodedCache> decode(String cookieValue, long nowMs) {
        if (cookieValue == null || cookieValue.length() > MAX_REMEMBERED_LENGTH) {
            return codec.decode(cookieValue, nowMs);
        }
        cookieValue.hashCode(); // computed (and kept by the string) outside the lock
        Remembered r;
        synchronized (recent) {
            r = recent.get(cookieValue);
        }
        if (r != null && nowMs >= r.decodedAtMs() && nowMs < r.decoded().expiresAtMs()) {
            return Optional.of(r.decoded());
        }
        // Not remembered, expired (the full decode now refuses it), or the clock went back (decode it afresh).
        Optional<DecodedCache> decoded = codec.decode(cookieValue, nowMs);
        if (r == null) {
            decoded.filter(d -> nowMs < d.expiresAtMs() && !defaultedToNow(d.data(), nowMs))
                    .ifPresent(d -> remember(cookieValue, new Remembered(d, nowMs), nowMs));
        }
        return decoded;
    }

    /** Adds an entry, first dropping the eldest while they have expired or the memory is full. */
    private void remember(String cookieValue, Remembered r, long nowMs) {
        synchronized (recent) {
            Iterator<Remembered> eldest = recent.values().iterator();
            while (eldest.hasNext()) {
                Remembered e = eldest.next();
                if (recent.size() < maxEntries && nowMs < e.decoded().expiresAtMs()) {
                    break;
                }
                eldest.remove();
            }
            recent.putIfAbsent(cookieValue, r);
        }
    }

    /** Whether a date of the payload may be the decode's default (the request's time): then it is not remembered. */
    private static boolean defaultedToNow(SessionData data, long nowMs) {
        Instant now = Instant.ofEpochMilli(nowMs);
        return now.equals(data.session().createdAt()) || now.equals(data.session().updatedAt())
                || now.equals(data.user().createdAt()) || now.equals(data.user().updatedAt());
    }
}
