package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.config.option.RateLimitOptions;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import io.betterauth.jakarta.spi.AuthMetrics;
import io.betterauth.jakarta.spi.SecondaryStorage;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Better Auth's rate limiter ({@code api/rate-limiter}), applied to every request under the base path before the
 * endpoint reads its body. A request is counted under {@code "<ip>|<endpoint>"} ({@code "no-trusted-ip|<endpoint>"}
 * when the client address is unknown: one shared, fail-closed bucket), where the endpoint is the one the request
 * matched ({@code /sign-in/email}), never the raw path: every spelling that reaches an endpoint ({@code ;x=1},
 * {@code //}, a trailing slash, {@code /./}) counts against its one bucket, and paths that match no endpoint share
 * the bucket {@link #UNMATCHED} (issue 15, #1). Every endpoint gets the configured window and max (10 s / 100);
 * {@code /sign-in*}, {@code /sign-up*}, {@code /change-password*} and {@code /change-email*} get 10 s / 3 (first
 * match wins).
 *
 * <p>In memory the algorithm is Better Auth's memory algorithm: the count restarts at 1 once
 * {@code now - lastRequest >= window}; a request is refused while {@code count >= max} (a refused request changes
 * nothing); the retry-after is {@code ceil((lastRequest + window*1000 - now)/1000)} seconds.
 *
 * <p>Storage {@code memory}: striped maps in this JVM, atomic per key, bounded in bytes ({@link #MEMORY_MAX_BYTES},
 * by an estimate of each entry's footprint): past the bound the least recently counted entries of the stripe go,
 * one per new entry, so no request does work proportional to the store's size. Storage {@code secondary-storage}:
 * Better Auth 1.7's counter: one atomic {@link AtomicSecondaryStorage#increment} per request under the rate-limit
 * key, created with the window as its time to live and never extended, so every instance (Java or Node) counts
 * against the same bucket and N instances together allow {@code max} per window (T-38); over the limit the
 * retry-after is the window, as Better Auth answers. A storage with get/set/delete only keeps Better Auth's older
 * counter {@code {"key","count","lastRequest"}}, atomic within an instance (requests of one key are serialised here)
 * but not across instances. A storage failure lets the request through (the endpoint
 * itself then answers, or reports the outage).
 */
public final class RateLimiter {

    /** Better Auth's answer body for 429. */
    public static final String BODY = "{\"message\":\"Too many requests. Please try again later.\"}";
    static final String NO_TRUSTED_IP = "no-trusted-ip";
    /** The bucket of every request whose path matches no endpoint. */
    public static final String UNMATCHED = "/*";
    /** The in-memory counters' bound: about 16 MiB, estimated per entry by {@link #footprint(String)}. */
    static final long MEMORY_MAX_BYTES = 16L * 1024 * 1024;
    private static final int STRIPES = 16;

    /** A window in seconds and the requests allowed in it. */
    public record Rule(long window, long max) {
    }

    private record Counter(long count, long lastRequest) {
    }

    /** Better Auth's special rules: sign-in, sign-up, change-password, change-email; e-mails sent on request. */
    private static final Rule CREDENTIALS = new Rule(10, 3);
    private static final Rule MESSAGES = new Rule(60, 3);

    private final RateLimitOptions config;
    private final Rule defaultRule;
    private final SecondaryStorage shared;
    private final Clock clock;
    private final AuthMetrics metrics;
    private final Stripe[] memory = new Stripe[STRIPES];
    /** Serialises the shared storage's read-modify-write of one key within this JVM (striped: bounded). */
    private final Object[] sharedLocks = new Object[64];

    /**
     * @param secondaryStorage the shared storage, or null; used when {@code storage} is {@code secondary-storage},
     *                         or unset (Better Auth's default when a secondary storage is configured)
     */
    public RateLimiter(RateLimitOptions config, SecondaryStorage secondaryStorage, Clock clock) {
        this(config, secondaryStorage, clock, AuthMetrics.NONE);
    }

    /** With the operator's counters: every refused request is counted ({@link AuthMetrics#rateLimited()}). */
    public RateLimiter(RateLimitOptions config, SecondaryStorage secondaryStorage, Clock clock, AuthMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.defaultRule = new Rule(config.window(), config.max());
        this.clock = clock;
        boolean useShared = config.usesSecondaryStorage(secondaryStorage != null);
        if (useShared && secondaryStorage == null) {
            throw new ConfigurationException("better-auth.rate-limit.storage=secondary-storage needs a secondary "
                    + "storage (better-auth.secondary-storage.redis-url or a SecondaryStorage bean)");
        }
        this.shared = useShared ? secondaryStorage : null;
        for (int i = 0; i < memory.length; i++) {
            memory[i] = new Stripe(MEMORY_MAX_BYTES / STRIPES);
        }
        for (int i = 0; i < sharedLocks.length; i++) {
            sharedLocks[i] = new Object();
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** True when counters live in the shared secondary storage. */
    public boolean shared() {
        return shared != null;
    }

    /**
     * Counts a request and decides on it.
     *
     * @param ip   the client's normalized IP address; null or empty when unknown
     * @param path the path under the base path, e.g. {@code /sign-in/email} (a query is ignored)
     * @return empty when the request may go on; otherwise the seconds to put in {@code X-Retry-After}
     */
    public OptionalLong check(String ip, String path) {
        if (!config.enabled()) {
            return OptionalLong.empty();
        }
        String normalized = normalizePath(path);
        Rule rule = ruleForNormalized(normalized);
        String key = keyOfNormalized(ip, normalized);
        OptionalLong retry = shared != null ? consumeShared(key, rule) : consumeMemory(key, rule);
        if (retry.isPresent()) {
            metrics.rateLimited();
        }
        return retry;
    }

    /** The bucket key: {@code "<ip>|<path>"}, {@code "no-trusted-ip|<path>"} without an IP. */
    public static String key(String ip, String path) {
        return keyOfNormalized(ip, normalizePath(path));
    }

    private static String keyOfNormalized(String ip, String normalized) {
        return (ip == null || ip.isEmpty() ? NO_TRUSTED_IP : ip) + "|" + normalized;
    }

    /** The path without its query or fragment, with a leading slash and without a trailing one. */
    static String normalizePath(String path) {
        String p = path == null ? "" : path;
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        int h = p.indexOf('#');
        if (h >= 0) {
            p = p.substring(0, h);
        }
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        int end = p.length();
        while (end > 1 && p.charAt(end - 1) == '/') {
            end--; // one cut at the end: a substring per slash was quadratic in a path of many slashes
        }
        return p.substring(0, end);
    }

    /** Better Auth's special rules first, else the configured default. */
    public Rule ruleFor(String path) {
        return ruleForNormalized(normalizePath(path));
    }

    private Rule ruleForNormalized(String p) {
        if (p.startsWith("/sign-in") || p.startsWith("/sign-up") || p.startsWith("/change-password")
                || p.startsWith("/change-email")) {
            return CREDENTIALS;
        }
        if (p.equals("/request-password-reset") || p.equals("/send-verification-email")
                || p.startsWith("/forget-password") || p.equals("/email-otp/send-verification-otp")
                || p.equals("/email-otp/request-password-reset")) {
            return MESSAGES;
        }
        return defaultRule;
    }

    private OptionalLong consumeMemory(String key, Rule rule) {
        long retry = memory[Math.floorMod(key.hashCode(), STRIPES)].consume(key, rule, clock.millis());
        return retry < 0 ? OptionalLong.empty() : OptionalLong.of(retry);
    }

    /** The estimated bytes the in-memory counters hold now (for tests and operators). */
    public long memoryBytes() {
        long total = 0;
        for (Stripe stripe : memory) {
            total += stripe.bytes();
        }
        return total;
    }

    /**
     * An entry's estimated heap footprint: the key string (header, array header, one byte per Latin-1 character,
     * two otherwise), the counter record and the map entry with its share of the table.
     */
    static long footprint(String key) {
        return 40 + 16 + 2L * key.length() + 24 + 64;
    }

    /**
     * One stripe of the in-memory counters: a map in access order, bounded in bytes; the least recently counted
     * entry goes first. Nothing here walks the map.
     */
    private static final class Stripe {
        private final long maxBytes;
        private final LinkedHashMap<String, Counter> counters = new LinkedHashMap<>(64, 0.75f, true);
        private long bytes;

        Stripe(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized long consume(String key, Rule rule, long now) {
            Counter current = counters.get(key);
            Decision d = decide(current, rule, now);
            if (d.retryAfter >= 0) {
                return d.retryAfter;
            }
            if (counters.put(key, d.next) == null) {
                bytes += footprint(key);
                Iterator<Map.Entry<String, Counter>> eldest = counters.entrySet().iterator();
                while (bytes > maxBytes && eldest.hasNext()) {
                    Map.Entry<String, Counter> e = eldest.next();
                    if (e.getKey().equals(key)) {
                        break; // never the entry just counted
                    }
                    bytes -= footprint(e.getKey());
                    eldest.remove();
                }
            }
            return -1;
        }

        synchronized long bytes() {
            return bytes;
        }
    }

    private OptionalLong consumeShared(String key, Rule rule) {
        try {
            if (shared instanceof AtomicSecondaryStorage atomic) {
                // Better Auth 1.7's secondary-storage limiter: one atomic increment per request, the counter created
                // with the window as its time to live and never extended, so N instances together allow max.
                long count = atomic.increment(key, Duration.ofSeconds(Math.max(1, rule.window)));
                return count <= rule.max ? OptionalLong.empty() : OptionalLong.of(rule.window);
            }
            return consumeSharedLocally(key, rule);
        } catch (RuntimeException storageDown) {
            return OptionalLong.empty();
        }
    }

    /**
     * A storage with get/set/delete only: Better Auth's counter {@code {"key","count","lastRequest"}}, read, decided
     * and written back under a lock of this JVM, so atomic per instance but not across instances.
     */
    private OptionalLong consumeSharedLocally(String key, Rule rule) {
        Object lock = sharedLocks[Math.floorMod(key.hashCode(), sharedLocks.length)];
        synchronized (lock) {
            long now = clock.millis();
            Counter current = shared.get(key).flatMap(RateLimiter::parse).orElse(null);
            Decision d = decide(current, rule, now);
            if (d.retryAfter >= 0) {
                return OptionalLong.of(d.retryAfter);
            }
            shared.set(key, "{\"key\":" + JsJson.stringify(key) + ",\"count\":" + d.next.count
                    + ",\"lastRequest\":" + d.next.lastRequest + "}", Duration.ofSeconds(Math.max(1, rule.window)));
            return OptionalLong.empty();
        }
    }

    private record Decision(Counter next, long retryAfter) {
    }

    /** Better Auth's memory algorithm; {@code retryAfter} is -1 when allowed. */
    private static Decision decide(Counter current, Rule rule, long now) {
        long windowMs = rule.window * 1000;
        if (current == null || now - current.lastRequest >= windowMs) {
            return new Decision(new Counter(1, now), -1);
        }
        if (current.count >= rule.max) {
            long retry = (long) Math.ceil((current.lastRequest + windowMs - now) / 1000.0);
            return new Decision(current, retry);
        }
        return new Decision(new Counter(current.count + 1, now), -1);
    }

    private static Optional<Counter> parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue v = reader.readValue();
            if (v instanceof JsonObject o && o.get("count") instanceof JsonNumber count
                    && o.get("lastRequest") instanceof JsonNumber last) {
                return Optional.of(new Counter(count.longValue(), last.longValue()));
            }
        } catch (RuntimeException unreadable) {
            // an unreadable counter is no counter
        }
        return Optional.empty();
    }
}
