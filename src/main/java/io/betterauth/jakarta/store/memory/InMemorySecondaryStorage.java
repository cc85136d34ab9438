package io.betterauth.jakarta.store.memory;

import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SecondaryStorage} in this JVM, for development and tests: values expire as Redis's do, measured on the
 * {@link Clock} it is given (a test can move that clock). Expired values are dropped when read and swept now and
 * then on writes. Thread-safe; the {@link AtomicSecondaryStorage} operations are atomic (one map operation each).
 * Nothing is shared with other instances and nothing survives a restart.
 */
public final class InMemorySecondaryStorage implements AtomicSecondaryStorage {

    private static final int SWEEP_EVERY = 1024;

    private record Entry(String value, long expiresAtMillis) {
        boolean expiredAt(long nowMillis) {
            return nowMillis >= expiresAtMillis;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final Clock clock;

    /** On the system clock. */
    public InMemorySecondaryStorage() {
        this(Clock.systemUTC());
    }

    public InMemorySecondaryStorage(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (e.expiredAt(clock.millis())) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    @Override
    public void set(String key, String value, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        long ttlMillis = requirePositive(ttl).toMillis();
        long now = clock.millis();
        entries.put(key, new Entry(value, saturatedAdd(now, ttlMillis)));
        afterWrite(now);
    }

    @Override
    public void delete(String key) {
        Objects.requireNonNull(key, "key");
        entries.remove(key);
    }

    @Override
    public long increment(String key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        long ttlMillis = requirePositive(ttl).toMillis();
        long now = clock.millis();
        long[] count = new long[1];
        try {
            entries.compute(key, (k, e) -> {
                if (e == null || e.expiredAt(now)) {
                    count[0] = 1;
                    return new Entry("1", saturatedAdd(now, ttlMillis));
                }
                count[0] = Math.addExact(Long.parseLong(e.value()), 1);
                return new Entry(Long.toString(count[0]), e.expiresAtMillis());
            });
        } catch (NumberFormatException | ArithmeticException e) {
            // Redis: "ERR value is not an integer or out of range"
            throw new StoreUnavailableException("INCR on a value that is not an integer", e);
        }
        afterWrite(now);
        return count[0];
    }

    @Override
    public Optional<String> getAndDelete(String key) {
        Objects.requireNonNull(key, "key");
        Entry e = entries.remove(key);
        return e == null || e.expiredAt(clock.millis()) ? Optional.empty() : Optional.of(e.value());
    }

    @Override
    public boolean compareAndSet(String key, String expected, String value, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        long ttlMillis = requirePositive(ttl).toMillis();
        long now = clock.millis();
        boolean[] written = new boolean[1];
        entries.compute(key, (k, e) -> {
            Entry live = e == null || e.expiredAt(now) ? null : e;
            if (!Objects.equals(live == null ? null : live.value(), expected)) {
                return live;
            }
            written[0] = true;
            return new Entry(value, saturatedAdd(now, ttlMillis));
        });
        afterWrite(now);
        return written[0];
    }

    @Override
    public boolean compareAndDelete(String key, String expected) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expected, "expected");
        long now = clock.millis();
        boolean[] deleted = new boolean[1];
        entries.computeIfPresent(key, (k, e) -> {
            if (e.expiredAt(now)) {
                return null;
            }
            deleted[0] = e.value().equals(expected);
            return deleted[0] ? null : e;
        });
        return deleted[0];
    }

    private void afterWrite(long now) {
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            entries.entrySet().removeIf(en -> en.getValue().expiredAt(now));
        }
    }

    /** The remaining time to live of {@code key}, empty when it is missing or expired (Redis's {@code PTTL}). */
    public Optional<Duration> ttl(String key) {
        Entry e = entries.get(key);
        long now = clock.millis();
        if (e == null || e.expiredAt(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(e.expiresAtMillis() - now));
    }

    /** The keys that have not expired, sorted. */
    public Set<String> keys() {
        long now = clock.millis();
        Set<String> keys = new TreeSet<>();
        entries.forEach((k, e) -> {
            if (!e.expiredAt(now)) {
                keys.add(k);
            }
        });
        return keys;
    }

    static Duration requirePositive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("A secondary-storage TTL must be positive, was " + ttl);
        }
        return ttl;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
