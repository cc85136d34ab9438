package io.betterauth.jakarta.core;

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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Better Auth's rate limiter ({@code api/rate-limiter}), applied to every request under the base path before
 * anything else. A request is counted under {@code "<ip>|<path>"} ({@code "no-trusted-ip|<path>"} when the client
 * address is unknown: one shared, fail-closed bucket); the query is ignored. Every path gets the configured window
 * and max (10 s / 100); {@code /sign-in*}, {@code /sign-up*}, {@code /change-password*} and {@code /change-email*}
 * get 10 s / 3 (first match wins).
 *
 * <p>The algorithm is Better Auth's memory algorithm for both storages: the count restarts at 1 once
 * {@code now - lastRequest >= window}; a request is refused while {@code count >= max} (a refused request changes
 * nothing); the retry-after is {@code ceil((lastRequest + window*1000 - now)/1000)} seconds.
 *
 * <p>Storage {@code memory}: a map in this JVM, atomic per key, entries expiring one window after their last
 * counted request. Storage {@code secondary-storage}: the counter {@code {"key","count","lastRequest"}} lives under
 * the rate-limit key in the shared {@link SecondaryStorage} with a time to live of one window, so every instance
 * counts against the same bucket (T-38). The SPI offers get/set/delete only, so the read-modify-write is atomic
 * within an instance (requests of one key are serialised here) but not across instances: in the worst case each of
 * N instances lets {@code max} requests of one key through in a window, N × max in all. A storage failure lets the
 * request through (the endpoint itself then answers, or reports the outage).
 */
public final class RateLimiter {

    /** Better Auth's answer body for 429. */
    public static final String BODY = "{\"message\":\"Too many requests. Please try again later.\"}";
    static final String NO_TRUSTED_IP = "no-trusted-ip";
    private static final int MEMORY_MAX_ENTRIES = 100_000;

    /** A window in seconds and the requests allowed in it. */
    public record Rule(long window, long max) {
    }

    private record Counter(long count, long lastRequest) {
    }

    private final BetterAuthConfig.RateLimit config;
    private final SecondaryStorage shared;
    private final Clock clock;
    private final Map<String, Counter> memory = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    /**
     * @param secondaryStorage the shared storage, or null; used when {@code storage} is {@code secondary-storage},
     *                         or unset (Better Auth's default when a secondary storage is configured)
     */
    public RateLimiter(BetterAuthConfig.RateLimit config, SecondaryStorage secondaryStorage, Clock clock) {
        this.config = config;
        this.clock = clock;
        boolean useShared = "secondary-storage".equals(config.storage())
                || (config.storage() == null && secondaryStorage != null);
        if (useShared && secondaryStorage == null) {
            throw new ConfigurationException("better-auth.rate-limit.storage=secondary-storage needs a secondary "
                    + "storage (better-auth.secondary-storage.redis-url or a SecondaryStorage bean)");
        }
        this.shared = useShared ? secondaryStorage : null;
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
        Rule rule = ruleFor(normalized);
        String key = key(ip, normalized);
        return shared != null ? consumeShared(key, rule) : consumeMemory(key, rule);
    }

    /** The bucket key: {@code "<ip>|<path>"}, {@code "no-trusted-ip|<path>"} without an IP. */
    public static String key(String ip, String path) {
        return (ip == null || ip.isEmpty() ? NO_TRUSTED_IP : ip) + "|" + normalizePath(path);
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
        String p = normalizePath(path);
        if (p.startsWith("/sign-in") || p.startsWith("/sign-up") || p.startsWith("/change-password")
                || p.startsWith("/change-email")) {
            return new Rule(10, 3);
        }
        if (p.equals("/request-password-reset") || p.equals("/send-verification-email")
                || p.startsWith("/forget-password") || p.equals("/email-otp/send-verification-otp")
                || p.equals("/email-otp/request-password-reset")) {
            return new Rule(60, 3);
        }
        return new Rule(config.window(), config.max());
    }

    private OptionalLong consumeMemory(String key, Rule rule) {
        long now = clock.millis();
        if (calls.incrementAndGet() % 1024 == 0 || memory.size() > MEMORY_MAX_ENTRIES) {
            prune(now);
        }
        long[] retry = {-1};
        memory.compute(key, (k, current) -> {
            Decision d = decide(current, rule, now);
            retry[0] = d.retryAfter;
            return d.next;
        });
        return retry[0] < 0 ? OptionalLong.empty() : OptionalLong.of(retry[0]);
    }

    private void prune(long now) {
        // An entry is dead one (longest) window after its last counted request.
        long longest = Math.max(60, config.window()) * 1000;
        memory.values().removeIf(c -> now - c.lastRequest >= longest);
        if (memory.size() > MEMORY_MAX_ENTRIES) {
            Iterator<String> it = memory.keySet().iterator();
            for (int overflow = memory.size() - MEMORY_MAX_ENTRIES; overflow > 0 && it.hasNext(); overflow--) {
                it.next();
                it.remove();
            }
        }
    }

    private OptionalLong consumeShared(String key, Rule rule) {
        Object lock = locks.computeIfAbsent(key, k -> new Object());
        try {
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
        } catch (RuntimeException storageDown) {
            return OptionalLong.empty();
        } finally {
            if (locks.size() > MEMORY_MAX_ENTRIES) {
                locks.clear();
            }
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
