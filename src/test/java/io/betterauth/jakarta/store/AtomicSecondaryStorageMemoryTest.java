package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import io.betterauth.jakarta.spi.AtomicSecondaryStorageContract;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link AtomicSecondaryStorageContract} (and so the {@code SecondaryStorage} contract) on
 * {@link InMemorySecondaryStorage}, with a clock moved by hand.
 */
class AtomicSecondaryStorageMemoryTest extends AtomicSecondaryStorageContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final InMemorySecondaryStorage memory = new InMemorySecondaryStorage(clock);

    @Override
    protected AtomicSecondaryStorage storage() {
        return memory;
    }

    @Override
    protected AtomicSecondaryStorage otherClient() {
        return memory;
    }

    @Override
    protected void elapse(Duration time) {
        clock.advance(time);
    }

    @Override
    protected Optional<Duration> ttlOf(String key) {
        return memory.ttl(key);
    }

    @Test
    void aCounterPastItsWindow_startsOverAtOne() {
        String key = key("expired-counter");
        memory.increment(key, Duration.ofSeconds(10));
        memory.increment(key, Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        assertThat(memory.increment(key, Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(memory.ttl(key)).contains(Duration.ofSeconds(10));
    }

    @Test
    void anExpiredValue_isAbsentToEveryAtomicOperation() {
        String key = key("expired");
        memory.set(key, "v", Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(memory.compareAndSet(key, "v", "w", Duration.ofSeconds(60))).isFalse();
        assertThat(memory.compareAndDelete(key, "v")).isFalse();
        assertThat(memory.getAndDelete(key)).isEmpty();
        assertThat(memory.compareAndSet(key, null, "fresh", Duration.ofSeconds(60))).isTrue();
        assertThat(memory.get(key)).contains("fresh");
    }
}
